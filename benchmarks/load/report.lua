-- POST /after-sales/tickets: a fault report per request; the service assigns the id.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Tenant-Id"] = "load"
wrk.body = [[{"reporter":{"name":"Li","organization":"Bank","contact":"138"},"channel":"Phone","site":{"locality":"Local","name":"HQ","address":"1 Road"},"deviceSerialNumber":"SN-1","symptom":"array down","severityCode":"A"}]]
