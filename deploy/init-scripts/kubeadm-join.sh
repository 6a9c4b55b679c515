#!/bin/bash
# Kamatera server init script: join a new server to a kubeadm cluster as a worker node.
#
# Kamatera runs this script once, as root, at the server's first boot (Ubuntu 22.04 or 24.04
# images). Put it, base64-encoded, into the node group's script-base64 (see README.md):
#   base64 -w0 kubeadm-join.sh
#
# Fill in the four values below. Get a join command on a control-plane node with:
#   kubeadm token create --ttl 0 --print-join-command
# (--ttl 0: a token that does not expire, since the autoscaler adds nodes at any time; rotate it
# by updating the cloud config when you revoke it).
set -euo pipefail
exec > >(tee -a /var/log/kamatera-node-init.log) 2>&1

KUBERNETES_MINOR="v1.31"                                   # the control plane's minor version
API_SERVER="REPLACE-WITH-API-SERVER:6443"                  # host:port of the API server
JOIN_TOKEN="REPLACE.WITH-A-KUBEADM-TOKEN"                  # abcdef.0123456789abcdef
CA_CERT_HASH="sha256:REPLACE-WITH-THE-CA-CERT-HASH"        # from --print-join-command
# The node group's template-label entries, comma-separated: the autoscaler plans with them, so the
# real node must carry them too (kubelets may not set most kubernetes.io/ labels on themselves).
NODE_LABELS="workload=general"

export DEBIAN_FRONTEND=noninteractive

# Kernel settings Kubernetes networking needs; swap off (the kubelet refuses to run with swap).
cat > /etc/modules-load.d/kubernetes.conf <<MODULES
overlay
br_netfilter
MODULES
modprobe overlay
modprobe br_netfilter
cat > /etc/sysctl.d/99-kubernetes.conf <<SYSCTL
net.bridge.bridge-nf-call-iptables = 1
net.bridge.bridge-nf-call-ip6tables = 1
net.ipv4.ip_forward = 1
SYSCTL
sysctl --system
swapoff -a
sed -i '/\sswap\s/ s/^/#/' /etc/fstab

# Container runtime: containerd with the systemd cgroup driver, as kubeadm expects.
apt-get update
apt-get install -y containerd apt-transport-https ca-certificates curl gpg
mkdir -p /etc/containerd
containerd config default > /etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
systemctl restart containerd

# kubelet and kubeadm from the Kubernetes package repository of the cluster's minor version.
mkdir -p /etc/apt/keyrings
curl -fsSL "https://pkgs.k8s.io/core:/stable:/${KUBERNETES_MINOR}/deb/Release.key" \
  | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/${KUBERNETES_MINOR}/deb/ /" \
  > /etc/apt/sources.list.d/kubernetes.list
apt-get update
apt-get install -y kubelet kubeadm
apt-mark hold kubelet kubeadm
echo "KUBELET_EXTRA_ARGS=--node-labels=${NODE_LABELS}" > /etc/default/kubelet

# The node name must be the Kamatera server name (the hostname): the autoscaler finds a node's
# server by name and then sets the node's provider ID itself.
kubeadm join "${API_SERVER}" --token "${JOIN_TOKEN}" \
  --discovery-token-ca-cert-hash "${CA_CERT_HASH}" --node-name "$(hostname)"
