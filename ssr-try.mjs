import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 200 });
c.setOption({ animation:false, title:[{text:'Hello £ – title'},{text:'footnote', bottom:0}], xAxis:{type:'category',data:['a','b']}, yAxis:{}, series:[{type:'bar',data:[1,2]}]});
const s = c.renderToSVGString(); c.dispose();
console.log(s.slice(0,600));
const c2 = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 200 });
c2.setOption({ animation:false, xAxis:{type:'category',data:['a','b']}, yAxis:{}, series:[{type:'line',data:[1,2], areaStyle:{}}]});
console.log((c2.renderToSVGString().match(/id="[^"]+"/g)||[]).slice(0,5));
console.log((s.match(/id="[^"]+"/g)||[]).slice(0,5));
