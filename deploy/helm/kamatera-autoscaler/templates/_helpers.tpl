{{/* Chart name, or nameOverride. */}}
{{- define "kamatera-autoscaler.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Object name: fullnameOverride, else <release>-<name> (just <release> if it contains the name). */}}
{{- define "kamatera-autoscaler.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels that select the pods. */}}
{{- define "kamatera-autoscaler.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kamatera-autoscaler.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "kamatera-autoscaler.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "kamatera-autoscaler.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.additionalLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "kamatera-autoscaler.serviceAccountName" -}}
{{- if and .Values.rbac.create .Values.rbac.serviceAccount.create }}
{{- default (include "kamatera-autoscaler.fullname" .) .Values.rbac.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.rbac.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret with the cloud config: existingSecret, or the one the chart creates. */}}
{{- define "kamatera-autoscaler.secretName" -}}
{{- default (include "kamatera-autoscaler.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* The status ConfigMap's name, as the autoscaler derives it from its flags. */}}
{{- define "kamatera-autoscaler.statusConfigMapName" -}}
{{- index .Values.extraArgs "status-config-map-name" | default "cluster-autoscaler-status" }}
{{- end }}

{{/* The leader-election Lease's name, as the autoscaler derives it from its flags. */}}
{{- define "kamatera-autoscaler.leaseName" -}}
{{- index .Values.extraArgs "leader-elect-resource-name" | default "cluster-autoscaler" }}
{{- end }}
