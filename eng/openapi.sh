#!/usr/bin/env bash
# Rewrites docs/openapi.json from a real server's /openapi/v1.json (the snapshot OpenApiDocumentTests compares with).
# Run it after changing the API, then update docs/api.md (the same tests check that every route has a row there).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Greenlight.Server.Tests -c Release -nologo -clp:ErrorsOnly -v:quiet
GREENLIGHT_UPDATE_OPENAPI=1 dotnet test tests/Greenlight.Server.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Greenlight.Server.Tests.Api.OpenApiDocumentTests.Snapshot_LiveDocument_EqualsDocsOpenApiJson"
git --no-pager diff --stat -- docs/openapi.json
