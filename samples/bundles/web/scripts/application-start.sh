#!/usr/bin/env bash
# ApplicationStart: start the app in the background on this instance's address. Its output goes to a file, so the
# hook's stdout and stderr close when this script exits; its pid goes to the pid file ApplicationStop reads.
source "$(dirname "$0")/sample.sh"
record ApplicationStart
if pid=$(running_pid); then
  echo "a sample app is still running (pid $pid): stopping it first"
  stop_app
fi
dotnet=$(find_dotnet) || { echo "ApplicationStart: dotnet was not found (PATH, DOTNET_ROOT, /usr/share/dotnet)" >&2; exit 1; }
mkdir -p "$logs" "$(dirname "$pidfile")"
GREENLIGHT_INSTANCE_ADDRESS=$address SAMPLE_PORT=$port \
  nohup "$dotnet" "$dest/greenlight-sample.dll" --content "$dest" >>"$logs/app.log" 2>&1 </dev/null &
echo $! >"$pidfile"
echo "started the sample app (pid $!) on $url; log: $logs/app.log"
