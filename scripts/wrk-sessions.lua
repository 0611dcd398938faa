-- Rotates the requests over the session cookies in $JOBNET_COOKIES
-- (comma-separated) or, for many sessions, in the file $JOBNET_COOKIE_FILE
-- (one a line), so that every connection uses every session.
local cookies = {}
local i = 0
function init(args)
  for c in string.gmatch(os.getenv("JOBNET_COOKIES") or "", "[^,]+") do
    table.insert(cookies, c)
  end
  local path = os.getenv("JOBNET_COOKIE_FILE")
  if path and path ~= "" then
    for line in io.lines(path) do
      if line ~= "" then
        table.insert(cookies, line)
      end
    end
  end
  -- Each thread starts at its own place in the list.
  i = math.random(#cookies > 0 and #cookies or 1)
end
function request()
  i = i + 1
  if #cookies > 0 then
    wrk.headers["Cookie"] = cookies[(i % #cookies) + 1]
  end
  return wrk.format(nil)
end
