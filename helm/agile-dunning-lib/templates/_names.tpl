{{/*
Names and labels, written once for every Agile Dunning chart.
*/}}

{{/* Chart name, truncated to 63 characters (DNS label). */}}
{{- define "agile-dunning-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fully qualified name: <release>-<chart>, or the release name alone if it already contains the chart name.
*/}}
{{- define "agile-dunning-lib.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- include "agile-dunning-lib.fullnameFor" (dict "name" (default .Chart.Name .Values.nameOverride) "Release" .Release) -}}
{{- end -}}
{{- end -}}

{{/*
Fullname of a sibling chart of the same release (same rule as above), e.g. to reach the cases service from frontend-api.
Usage: include "agile-dunning-lib.fullnameFor" (dict "name" "cases" "Release" .Release)
*/}}
{{- define "agile-dunning-lib.fullnameFor" -}}
{{- if contains .name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "agile-dunning-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: name and instance only, never the version (selectors are immutable). */}}
{{- define "agile-dunning-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agile-dunning-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "agile-dunning-lib.labels" -}}
helm.sh/chart: {{ include "agile-dunning-lib.chart" . }}
{{ include "agile-dunning-lib.selectorLabels" . }}
{{- with .Chart.AppVersion }}
app.kubernetes.io/version: {{ . | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: agile-dunning
app.kubernetes.io/component: {{ .Values.component | default "service" }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "agile-dunning-lib.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "agile-dunning-lib.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* <registry>/<repository>:<tag>[@digest]; registry from image.registry, else global.imageRegistry. Tag defaults to appVersion. */}}
{{- define "agile-dunning-lib.image" -}}
{{- $global := .Values.global | default dict -}}
{{- $registry := .Values.image.registry | default $global.imageRegistry -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- $ref := ternary (printf "%s/%s" $registry .Values.image.repository) .Values.image.repository (not (empty $registry)) -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" $ref $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref $tag -}}
{{- end -}}
{{- end -}}

{{- define "agile-dunning-lib.imagePullSecrets" -}}
{{- $global := .Values.global | default dict -}}
{{- $secrets := concat (.Values.imagePullSecrets | default list) ($global.imagePullSecrets | default list) | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  {{- if kindIs "string" . }}
  - name: {{ . }}
  {{- else }}
  - name: {{ .name }}
  {{- end }}
{{- end }}
{{- end }}
{{- end -}}
