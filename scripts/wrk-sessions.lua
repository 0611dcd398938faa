-- Rotates the requests over the session cookies in $JOBNET_COOKIES
-- (comma-separated), so that every connection uses every session.
local cookies = {}
local i = 0
function init(args)
  for c in string.gmatch(os.getenv("JOBNET_COOKIES") or "", "[^,]+") do
    table.insert(cookies, c)
  end
end
function request()
  i = i + 1
  if #cookies > 0 then
    wrk.headers["Cookie"] = cookies[(i % #cookies) + 1]
  end
  return wrk.format(nil)
end
