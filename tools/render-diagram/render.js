#!/usr/bin/env node
// Draws a BPMN diagram to a PNG the way the docs' process pictures look:
// the bpmn-js viewer in headless Chromium, the whole diagram fitted with a
// margin, on white, one pixel per diagram unit (the scale of docs/processes/*.png).
//
// usage: node tools/render-diagram/render.js bpmn/X.bpmn docs/processes/X.png
//        [--margin=20] [--scale=1]
//
// Needs Chromium at /usr/bin/chromium (or CHROMIUM=/path/to/chromium).

'use strict';

const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const VIEWER = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const ASSETS = path.join(path.dirname(VIEWER), 'assets');

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node tools/render-diagram/render.js DIAGRAM.bpmn OUTPUT.png [--margin=20] [--scale=1]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { margin: 20, scale: 1 };
  const files = [];
  for (const arg of argv) {
    const m = /^--(margin|scale)=(.+)$/.exec(arg);
    if (m) {
      const value = Number(m[2]);
      if (!(value >= 0) || (m[1] === 'scale' && value === 0)) usage(`bad ${arg}`);
      options[m[1]] = value;
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 2) usage();
  return { input: files[0], output: files[1], ...options };
}

async function render({ input, output, margin, scale }) {
  const xml = fs.readFileSync(input, 'utf8');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--font-render-hinting=none'],
    headless: true,
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });

    await page.setContent(
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
      '<body style="margin:0;background:#fff">' +
      '<div id="canvas" style="width:1000px;height:1000px;background:#fff"></div>' +
      '</body></html>');
    await page.addStyleTag({ path: path.join(ASSETS, 'diagram-js.css') });
    await page.addStyleTag({ path: path.join(ASSETS, 'bpmn-js.css') });
    await page.addScriptTag({ path: VIEWER });

    const result = await page.evaluate(async (xml, margin) => {
      const container = document.getElementById('canvas');
      const viewer = new window.BpmnJS({ container });
      let warnings = [];
      try {
        ({ warnings } = await viewer.importXML(xml));
      } catch (err) {
        return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
      }
      const canvas = viewer.get('canvas');
      // the bounding box of everything drawn, labels and markers included
      const box = canvas.getActiveLayer().getBBox();
      const x = Math.floor(box.x - margin);
      const y = Math.floor(box.y - margin);
      const width = Math.ceil(box.x + box.width + margin) - x;
      const height = Math.ceil(box.y + box.height + margin) - y;
      container.style.width = width + 'px';
      container.style.height = height + 'px';
      canvas.resized();
      canvas.viewbox({ x, y, width, height });
      await document.fonts.ready;
      return { width, height, warnings: warnings.map((w) => w.message) };
    }, xml, margin);

    for (const w of result.warnings) console.error(`warning: ${w}`);
    if (result.error) throw new Error(`${input}: ${result.error}`);

    await page.setViewport({ width: result.width, height: result.height, deviceScaleFactor: scale });
    const element = await page.$('#canvas');
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    await element.screenshot({ path: output, type: 'png' });
    if (problems.length) console.error(problems.map((p) => `page: ${p}`).join('\n'));
    console.log(`${output}: ${Math.round(result.width * scale)}x${Math.round(result.height * scale)}`);
  } finally {
    await browser.close();
  }
}

render(parseArgs(process.argv.slice(2))).catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
