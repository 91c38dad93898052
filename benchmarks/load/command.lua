-- POST /after-sales/tickets/{id}/deliver-repair-plan round-robin over the seeded tickets: a
-- workflow command (state machine check, one event appended, optimistic save) per request.
local tickets = tonumber(os.getenv("LOAD_TICKETS") or "200")
local credential, credential_value = (os.getenv("LOAD_CREDENTIALS") or "X-Tenant-Id: load"):match("^([^:]+):%s*(.*)$")
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  thread_id = id
end

function request()
  counter = counter + 1
  local n = (counter * 2 + thread_id) % tickets
  return wrk.format("POST", "/after-sales/tickets/LOAD-" .. n .. "/deliver-repair-plan",
    { [credential] = credential_value, ["Content-Type"] = "application/json" }, '{"note":"plan"}')
end
