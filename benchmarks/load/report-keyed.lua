-- POST /after-sales/tickets with a new Idempotency-Key on every request: the durable store reserves
-- and completes a key per report, besides the ticket's save.
local credential, credential_value = (os.getenv("LOAD_CREDENTIALS") or "X-Tenant-Id: load"):match("^([^:]+):%s*(.*)$")
local run = tostring(os.time())
local threads = 0
local sent = 0
local body = [[{"reporter":{"name":"Li","organization":"Bank","contact":"138"},"channel":"Phone","site":{"locality":"Local","name":"HQ","address":"1 Road"},"deviceSerialNumber":"SN-1","symptom":"array down","severityCode":"A"}]]

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/after-sales/tickets",
    { [credential] = credential_value, ["Content-Type"] = "application/json", ["Idempotency-Key"] = run .. "-" .. id .. "-" .. sent }, body)
end
