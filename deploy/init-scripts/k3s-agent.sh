#!/bin/bash
# Kamatera server init script: join a new server to a k3s cluster as an agent (worker) node.
#
# Kamatera runs this script once, as root, at the server's first boot (Ubuntu 22.04 or 24.04
# images). Put it, base64-encoded, into the node group's script-base64 (see README.md):
#   base64 -w0 k3s-agent.sh
#
# The token is on a k3s server node: cat /var/lib/rancher/k3s/server/node-token
set -euo pipefail
exec > >(tee -a /var/log/kamatera-node-init.log) 2>&1

K3S_VERSION="v1.31.4+k3s1"                                 # the servers' k3s version
K3S_SERVER_URL="https://REPLACE-WITH-K3S-SERVER:6443"
K3S_JOIN_TOKEN="REPLACE-WITH-THE-NODE-TOKEN"
# The node group's template-label entries, one --node-label per entry: the autoscaler plans with
# them, so the real node must carry them too.
NODE_LABEL_ARGS="--node-label workload=general"
# Must equal provider-id-prefix in the cloud config. k3s would otherwise set k3s://<name> as the
# provider ID, and provider IDs cannot be changed once set.
PROVIDER_ID_PREFIX="kamatera://"

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y ca-certificates curl

# The node name must be the Kamatera server name (the hostname): the autoscaler finds a node's
# server by name.
curl -sfL https://get.k3s.io \
  | INSTALL_K3S_VERSION="${K3S_VERSION}" K3S_URL="${K3S_SERVER_URL}" K3S_TOKEN="${K3S_JOIN_TOKEN}" \
    sh -s - agent --node-name "$(hostname)" \
      --kubelet-arg "provider-id=${PROVIDER_ID_PREFIX}$(hostname)" ${NODE_LABEL_ARGS}
