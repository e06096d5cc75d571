# Sourced by the scripts that test a live server. demo_home CATALOGUE HOME LOG harvests the
# bundled demo federation into HOME and loads the subjects of two of its datasets (so counts
# answer); start_server CATALOGUE HOME LOG [SERVE OPTIONS…]
# starts `catalogue serve` on a free loopback port and sets $server (its pid) and $port, or stops the
# script with the server's log when it does not come up.
start_server() {
  local catalogue=$1 home=$2 log=$3
  shift 3
  "$catalogue" serve --home "$home" --port 0 "$@" > "$log" 2>&1 &
  server=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$log" | head -1)
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(basename "$0"): the server did not start" >&2
  cat "$log" >&2
  exit 1
}

demo_home() {
  local catalogue=$1 home=$2 log=$3
  "$catalogue" harvest --home "$home" --no-progress > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  local entry
  for entry in "nl-erasmus/emc-lung-nsclc-petct.csv	nl-erasmus/emc-lung-nsclc-petct" "de-heidelberg/hd-breast-mr-highrisk.csv	de-heidelberg/hd-breast-mr-highrisk"; do
    "$catalogue" subjects import --home "$home" "Harvesters/demo-subjects/${entry%%	*}" --dataset "${entry#*	}" >/dev/null
  done
}
