-- Run as `pandoc lua pandoc.lua < LIST` (one Markdown file path a line): writes each file's
-- HTML, read as `-f gfm` reads it, followed by a NUL byte, so that one pandoc process
-- renders every file. (The list comes on standard input: pandoc 3.9 crashes on long
-- argument lists.)
for path in io.lines() do
  local f = assert(io.open(path, "r"))
  local text = f:read("a")
  f:close()
  io.write(pandoc.write(pandoc.read(text, "gfm"), "html"))
  io.write("\0")
end
