#!/bin/bash
# Kamatera server init script: register a new server as a worker node of a Rancher-managed custom
# cluster, with the cluster's registration command ("nodeCommand").
#
# Kamatera runs this script once, as root, at the server's first boot (Ubuntu 22.04 or 24.04
# images). Put it, base64-encoded, into the node group's script-base64 (see README.md):
#   base64 -w0 rancher-node-command.sh
#
# Get the node command from the Rancher API (an API key with access to the cluster; the cluster id
# is in the Rancher UI's URL, c-xxxxx or c-m-xxxxxxxx):
#   curl -s -H "Authorization: Bearer ${RANCHER_API_TOKEN}" \
#     "https://rancher.example.com/v3/clusterregistrationtokens?clusterId=c-xxxxx" \
#     | jq -r '.data[] | select(.nodeCommand != null) | .nodeCommand'
# and paste it below, unchanged. It holds the cluster's registration token: keep this script (and
# the cloud config it ends up in) as secret as the token.
set -euo pipefail
exec > >(tee -a /var/log/kamatera-node-init.log) 2>&1

NODE_COMMAND='REPLACE-WITH-THE-NODE-COMMAND'
# The node group's template-label entries, one --label per entry: the autoscaler plans with them,
# so the real node must carry them too.
ROLE_AND_LABELS="--worker --label workload=general"

export DEBIAN_FRONTEND=noninteractive

if [[ "${NODE_COMMAND}" == REPLACE-* ]]; then
  echo "rancher-node-command.sh: NODE_COMMAND is not set" >&2
  exit 1
fi

# Clusters provisioned by Rancher with RKE1 register through a Docker container (the node command
# starts with "docker run"); RKE2/K3s custom clusters through a curl | sh installer, which needs
# nothing extra.
if [[ "${NODE_COMMAND}" == *"docker run"* ]] && ! command -v docker > /dev/null; then
  apt-get update
  apt-get install -y ca-certificates curl
  curl -fsSL https://get.docker.com | sh
fi

# The node name must be the Kamatera server name (the hostname), which is Rancher's default.
# Both registration commands take the role and label flags at the end.
bash -c "${NODE_COMMAND} ${ROLE_AND_LABELS}"
