{{/*
Non-secret configuration, rendered into the ConfigMap and hashed into the checksum/config pod annotation.
Everything the services read is an environment variable (Quarkus maps QUARKUS_FOO_BAR to quarkus.foo.bar).
*/}}
{{- define "agile-dunning-lib.configData" -}}
{{- $global := .Values.global | default dict -}}
{{- $name := include "agile-dunning-lib.name" . -}}
QUARKUS_HTTP_PORT: {{ .Values.containerPort | default 8080 | quote }}
{{- $oidc := .Values.oidc | default dict }}
{{- $globalOidc := $global.oidc | default dict }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ required (printf "%s: set oidc.authServerUrl (or global.oidc.authServerUrl), e.g. https://keycloak.example/realms/agile-dunning" $name) ($oidc.authServerUrl | default $globalOidc.authServerUrl) | quote }}
{{- if hasKey .Values "kafka" }}
{{- $globalKafka := $global.kafka | default dict }}
KAFKA_BOOTSTRAP_SERVERS: {{ required (printf "%s: set kafka.bootstrapServers (or global.kafka.bootstrapServers), e.g. kafka-bootstrap:9092" $name) (.Values.kafka.bootstrapServers | default $globalKafka.bootstrapServers) | quote }}
{{- end }}
{{- with .Values.database }}
{{- $pg := $global.postgresql | default dict }}
{{- $host := required (printf "%s: set database.host (or global.postgresql.host)" $name) (.host | default $pg.host) }}
{{- $port := .port | default $pg.port | default 5432 | int }}
{{- $db := required (printf "%s: set database.name" $name) .name }}
{{- $params := .parameters | default $pg.parameters }}
{{- $query := ternary (printf "?%s" $params) "" (not (empty $params)) }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s:%d/%s%s" $host $port $db $query | quote }}
QUARKUS_DATASOURCE_USERNAME: {{ required (printf "%s: set database.username" $name) .username | quote }}
AGILEDUNNING_MIGRATION_JDBC_URL: {{ printf "jdbc:postgresql://%s:%d/%s%s" $host $port $db $query | quote }}
AGILEDUNNING_MIGRATION_USERNAME: {{ required (printf "%s: set database.migrationUsername" $name) .migrationUsername | quote }}
{{- end }}
{{- with .Values.keycloakAdmin }}
{{- $oidcUrl := ($oidc.authServerUrl | default $globalOidc.authServerUrl) }}
QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL: {{ .serverUrl | default (regexReplaceAll "/realms/.*$" $oidcUrl "") | quote }}
QUARKUS_KEYCLOAK_ADMIN_CLIENT_REALM: {{ required (printf "%s: set keycloakAdmin.realm" $name) .realm | quote }}
QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_ID: {{ required (printf "%s: set keycloakAdmin.clientId" $name) .clientId | quote }}
QUARKUS_KEYCLOAK_ADMIN_CLIENT_GRANT_TYPE: "CLIENT_CREDENTIALS"
{{- end }}
{{- with .Values.smtp }}
QUARKUS_MAILER_HOST: {{ required (printf "%s: set smtp.host, the platform's SMTP server" $name) .host | quote }}
QUARKUS_MAILER_PORT: {{ .port | default 587 | quote }}
QUARKUS_MAILER_START_TLS: {{ .startTls | default "REQUIRED" | quote }}
QUARKUS_MAILER_FROM: {{ required (printf "%s: set smtp.from" $name) .from | quote }}
QUARKUS_MAILER_MOCK: "false"
{{- with .username }}
QUARKUS_MAILER_USERNAME: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.signUp }}
{{- with .verifyUrl }}
AGILEDUNNING_ONBOARDING_VERIFY_URL: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.stripe }}
AGILEDUNNING_PAYMENTS_STRIPE_API_BASE: {{ .apiBase | default "https://api.stripe.com" | quote }}
AGILEDUNNING_PAYMENTS_STRIPE_LIVEMODE: {{ .livemode | default false | quote }}
AGILEDUNNING_PAYMENTS_STRIPE_ACCOUNT_TYPE: {{ .accountType | default "standard" | quote }}
AGILEDUNNING_PAYMENTS_STRIPE_COUNTRY: {{ .country | default "DE" | quote }}
{{- with .returnUrl }}
AGILEDUNNING_PAYMENTS_STRIPE_RETURN_URL: {{ . | quote }}
{{- end }}
{{- with .refreshUrl }}
AGILEDUNNING_PAYMENTS_STRIPE_REFRESH_URL: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $backend, $spec := .Values.backends }}
{{- $spec = $spec | default dict }}
{{- $url := $spec.url | default (printf "http://%s:%d" (include "agile-dunning-lib.fullnameFor" (dict "name" $backend "Release" $.Release)) ($spec.port | default 8080 | int)) }}
{{ printf "QUARKUS_REST_CLIENT_%s_URL" ($backend | upper | replace "-" "_") }}: {{ $url | quote }}
{{- end }}
{{- range $key, $value := .Values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Environment variables read from Secrets (never from values). */}}
{{- define "agile-dunning-lib.secretEnv" -}}
{{- $global := .Values.global | default dict -}}
{{- $name := include "agile-dunning-lib.name" . -}}
{{- with .Values.database }}
{{- $pg := $global.postgresql | default dict }}
{{- $secret := required (printf "%s: set database.existingSecret (or global.postgresql.existingSecret) to the name of an existing Secret with the keys %q (app role password) and %q (schema owner password); passwords are never taken from values" $name .secretKeys.password .secretKeys.migrationPassword) (.existingSecret | default $pg.existingSecret) }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .secretKeys.password }}
- name: AGILEDUNNING_MIGRATION_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .secretKeys.migrationPassword }}
{{- end }}
{{- with .Values.keycloakAdmin }}
- name: QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s: set keycloakAdmin.existingSecret to the name of an existing Secret with the key %q (secret of the Keycloak client %q); credentials are never taken from values" $name .secretKeys.clientSecret .clientId) .existingSecret }}
      key: {{ .secretKeys.clientSecret }}
{{- end }}
{{- with .Values.stripe }}
{{- with .existingSecret }}
- name: AGILEDUNNING_PAYMENTS_STRIPE_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.stripe.secretKeys.apiKey }}
- name: AGILEDUNNING_PAYMENTS_STRIPE_WEBHOOK_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.stripe.secretKeys.webhookSecret }}
{{- end }}
{{- end }}
{{- with .Values.smtp }}
{{- with .existingSecret }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.smtp.secretKeys.password }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "agile-dunning-lib.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "agile-dunning-lib.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "agile-dunning-lib.labels" . | nindent 4 }}
data:
  {{- include "agile-dunning-lib.configData" . | nindent 2 }}
{{- end -}}
