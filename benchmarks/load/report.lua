-- POST /after-sales/tickets: a fault report per request; the service assigns the id.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- LOAD_CREDENTIALS is one header line: "Authorization: Bearer …" or "X-Tenant-Id: load".
local name, value = (os.getenv("LOAD_CREDENTIALS") or "X-Tenant-Id: load"):match("^([^:]+):%s*(.*)$")
wrk.headers[name] = value
wrk.body = [[{"reporter":{"name":"Li","organization":"Bank","contact":"138"},"channel":"Phone","site":{"locality":"Local","name":"HQ","address":"1 Road"},"deviceSerialNumber":"SN-1","symptom":"array down","severityCode":"A"}]]
