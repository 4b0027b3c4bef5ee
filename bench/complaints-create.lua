-- wrk script for POST /api/v1/complaints: every request is a new complaint with a JSON body built from a small
-- vocabulary (about 9 % of them contain 漏水), in the project whose id is given after "--", with the bearer token
-- from $BENCH_TOKEN. complainedAt is a few minutes before now (China time).
--   BENCH_TOKEN=edk_… wrk -t2 -c2 -d30s -s bench/complaints-create.lua http://127.0.0.1:8091 -- <projectId>

local project
local headers = {
  ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
}

local surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭" }
local given = { "伟", "强", "磊", "军", "芳", "娜", "敏", "静", "建国", "志强", "秀英", "桂英", "晓燕", "海涛", "丽华", "子轩" }
local openers = {
  PHONE = "业主来电反映：", VISIT = "业主来访称：", ONLINE = "业主在线留言：", GOVERNMENT = "12345热线转办：",
  LETTER = "业主来信反映：", MEDIA = "媒体报道：", INTERNAL = "客服巡查发现：",
}
-- channel weights (per mille)
local channels = { { "PHONE", 450 }, { "VISIT", 150 }, { "ONLINE", 200 }, { "LETTER", 30 }, { "GOVERNMENT", 80 },
  { "MEDIA", 10 }, { "INTERNAL", 80 } }
-- { category id, weight per mille (they add up to 1000; 漏水 in 8.6 %), sentences… }: category ids as created by the migration (1 房屋质量 … 7 其他)
local issues = {
  { 1, 72, "厨房顶棚漏水，怀疑楼上卫生间防水没做好", "卫生间墙角漏水，楼下邻居家吊顶已经发霉", "阳台推拉窗下雨天漏水，窗台积水",
    "卫生间渗漏水管接头松动，维修两次仍未解决" },
  { 2, 14, "地下车库顶板漏水，车辆被污水弄脏", "公共管井漏水，水流到电梯厅" },
  { 1, 15, "客厅墙面开裂，裂缝有一毫米宽", "卧室墙面开裂并起皮，交房不到一年" },
  { 1, 11, "地下室渗水，储藏物品受潮", "外墙脱落，存在安全隐患", "墙面开关面板开裂，存在触电隐患" },
  { 2, 55, "电梯近一周停运三次，老人上下楼困难", "电梯经常困人，物业响应慢" },
  { 6, 70, "夜间十点后仍有施工噪音，影响休息", "电梯运行时噪音很大，影响休息", "楼下商铺噪音扰民，多次反映未解决" },
  { 2, 40, "物业费收费明细不透明，要求公示", "物业费上涨未经业主大会同意" },
  { 2, 200, "停车位被外来车辆长期占用", "垃圾清运不及时，气味难闻", "地下车库夜间照明经常不亮，存在安全隐患" },
  { 3, 150, "小区东侧绿化迟迟没有完工，与销售时宣传不符", "小区门禁系统经常失灵，外来人员随意进出" },
  { 5, 120, "交房时发现入户门变形无法关严", "交房延期两个月，要求按合同赔偿" },
  { 4, 80, "合同约定的地下储藏室面积与实际不符", "房屋实测面积与合同不符" },
  { 1, 120, "阳台推拉窗漏风，冬天室内温度低", "卫生间地漏返味，下水不畅", "瓷砖空鼓脱落" },
  { 7, 53, "对客服人员的服务态度不满意", "多次来电无人接听" },
}
local remedies = { "尽快维修", "尽快维修并赔偿损失", "给出书面答复", "要求物业公司整改", "希望尽快解决" }

local function weighted(list, weightIndex)
  local total = 0
  for _, e in ipairs(list) do total = total + e[weightIndex] end
  local r = math.random(total)
  for _, e in ipairs(list) do
    r = r - e[weightIndex]
    if r <= 0 then return e end
  end
  return list[#list]
end

local function pick(t) return t[math.random(#t)] end

function init(args)
  project = assert(tonumber(args[1]), "usage: wrk … -s complaints-create.lua URL -- <projectId>")
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  local channel = weighted(channels, 2)[1]
  local issue = weighted(issues, 2)
  local sentence = issue[2 + math.random(#issue - 2)]
  local location = ""
  if math.random(100) <= 70 then
    location = string.format("%d号楼%d单元%d%02d室，", math.random(18), math.random(4), math.random(32), math.random(4))
  end
  local content = openers[channel] .. location .. sentence .. "。"
  local complainant = pick(surnames) .. pick(given)
  -- a few minutes ago, China time (UTC+8)
  local at = os.date("!%Y-%m-%dT%H:%M:%S", os.time() + 8 * 3600 - math.random(60, 1800))
  local severity = math.random(100) <= 4 and "MAJOR" or "GENERAL"
  local body = string.format(
    '{"projectId":%d,"complainant":"%s","complainedAt":"%s","channel":"%s","categoryId":%d,"severity":"%s",'
      .. '"contactPhone":"139%08d","content":"%s","remedy":"%s"}',
    project, complainant, at, channel, issue[1], severity, math.random(0, 99999999), content, pick(remedies))
  -- a fresh header table: wrk.format sets Content-Length only where it is missing
  local h = { ["Content-Length"] = #body }
  for k, v in pairs(headers) do h[k] = v end
  return wrk.format("POST", "/api/v1/complaints", h, body)
end

local bad = 0

function response(status, headers, body)
  if status ~= 201 then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d seconds=%.1f rps=%.1f\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms mean=%.2f p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors connect=%d read=%d write=%d timeout=%d status=%d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("RPS=%.1f\n", summary.requests / seconds))
  io.write(string.format("P95_MS=%.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("ERRORS=%d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
