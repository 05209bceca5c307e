#!/usr/bin/env python3
"""Adds diagram interchange (shapes and edges) to a BPMN file from a small position table, and
the incoming/outgoing references every flow node carries in Modeler's XML.

Developers use it once when a diagram is first written, so that Modeler, Cockpit and the docs
show a readable picture; analysts then move things in Modeler as usual.

usage: tools/bpmn_layout.py DIAGRAM.bpmn LAYOUT.json
LAYOUT.json: {"positions": {"elementId": [centreX, centreY], ...},
              "routes": {"flowId": [[x, y], ...]},   (optional: explicit waypoints)
              "labels": {"elementId": [x, y]}}       (optional: a label's top-left corner)
Sub-process bounds are computed from their children; boundary events sit on the bottom edge
of their host unless positioned.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}


def kind(tag):
    local = tag.split("}")[1]
    if local.endswith("Event"):
        return "event"
    if local.endswith("Gateway"):
        return "gateway"
    if local == "subProcess":
        return "subProcess"
    if local.endswith("Task") or local in ("task", "callActivity"):
        return "task"
    return None


def main(diagram, layout_file):
    text = open(diagram, encoding="utf-8").read()
    text = re.sub(r"\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "", text, flags=re.S)
    layout = json.load(open(layout_file, encoding="utf-8"))
    positions, routes = layout["positions"], layout.get("routes", {})
    labels = layout.get("labels", {})
    root = ET.fromstring(text.encode("utf-8"))
    process = root.find(f"{{{BPMN}}}process")

    bounds, flows, parents = {}, [], {}

    def walk(scope):
        children = []
        for element in scope:
            k = kind(element.tag)
            eid = element.get("id")
            if element.tag == f"{{{BPMN}}}sequenceFlow":
                flows.append(element)
            elif k == "subProcess":
                inner = walk(element)
                xs = [b[0] for b in inner] + [b[0] + b[2] for b in inner]
                ys = [b[1] for b in inner] + [b[1] + b[3] for b in inner]
                pad = 40
                bounds[eid] = (min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
                children.append(bounds[eid])
            elif k:
                if eid not in positions and element.tag == f"{{{BPMN}}}boundaryEvent":
                    continue
                cx, cy = positions[eid]
                w, h = SIZES[k]
                bounds[eid] = (cx - w / 2, cy - h / 2, w, h)
                children.append(bounds[eid])
        return children

    walk(process)
    # boundary events without a position sit on the bottom edge of their host
    for element in process.iter(f"{{{BPMN}}}boundaryEvent"):
        eid = element.get("id")
        if eid not in bounds:
            hx, hy, hw, hh = bounds[element.get("attachedToRef")]
            bounds[eid] = (hx + hw / 2 - 18, hy + hh - 18, 36, 36)

    def centre(eid):
        x, y, w, h = bounds[eid]
        return x + w / 2, y + h / 2

    def port(eid, towards):
        x, y, w, h = bounds[eid]
        cx, cy = centre(eid)
        tx, ty = towards
        if abs(tx - cx) * h >= abs(ty - cy) * w:
            return (x + w, cy) if tx > cx else (x, cy)
        return (cx, y + h) if ty > cy else (cx, y)

    out = ['  <bpmndi:BPMNDiagram id="BPMNDiagram_' + process.get("id") + '">',
           '    <bpmndi:BPMNPlane id="BPMNPlane_' + process.get("id") + '" bpmnElement="' + process.get("id") + '">']
    for eid, (x, y, w, h) in bounds.items():
        expanded = ' isExpanded="true"' if w > 100 and h > 80 else ""
        out.append(f'      <bpmndi:BPMNShape id="{eid}_di" bpmnElement="{eid}"{expanded}>')
        out.append(f'        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" />')
        if eid in labels:  # placed by hand where the default would cover another shape
            lx, ly = labels[eid]
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>')
        elif w == 50 and h == 50:  # gateway: label above, clear of the flows leaving below
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{x - 25:.0f}" y="{y - 34:.0f}" width="100" height="27" /></bpmndi:BPMNLabel>')
        out.append('      </bpmndi:BPMNShape>')
    for flow in flows:
        fid, source, target = flow.get("id"), flow.get("sourceRef"), flow.get("targetRef")
        if fid in routes:
            points = [tuple(p) for p in routes[fid]]
        else:
            sx, sy = centre(source)
            tx, ty = centre(target)
            if source in bounds and kind_of(process, source) == "boundaryEvent":
                start = (sx, bounds[source][1] + 36)
                end = port(target, (sx, ty))
                points = [start, (start[0], end[1]), end] if abs(start[0] - end[0]) > 1 else [start, end]
            else:
                start = port(source, (tx, ty))
                end = port(target, (sx, sy))
                if abs(start[1] - end[1]) < 1 or abs(start[0] - end[0]) < 1:
                    points = [start, end]
                elif start[0] == bounds[source][0] + bounds[source][2] or start[0] == bounds[source][0]:
                    points = [start, (end[0], start[1]), end] if end[1] in (bounds[target][1], bounds[target][1] + bounds[target][3]) \
                        else [start, ((start[0] + end[0]) / 2, start[1]), ((start[0] + end[0]) / 2, end[1]), end]
                else:
                    points = [start, (start[0], end[1]), end]
        out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        for px, py in points:
            out.append(f'        <di:waypoint x="{px:.0f}" y="{py:.0f}" />')
        if flow.get("name"):  # beside the last segment, where the reader arrives
            (ax, ay), (bx, by) = points[-2], points[-1]
            lx, ly = ((ax + bx) / 2 - 45, (ay + by) / 2 - 30) if abs(ay - by) < 1 else ((ax + bx) / 2 + 6, (ay + by) / 2 - 14)
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="90" height="27" /></bpmndi:BPMNLabel>')
        out.append('      </bpmndi:BPMNEdge>')
    out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']

    for prefix, uri in (("bpmndi", "http://www.omg.org/spec/BPMN/20100524/DI"),
                        ("dc", "http://www.omg.org/spec/DD/20100524/DC"),
                        ("di", "http://www.omg.org/spec/DD/20100524/DI")):
        if f"xmlns:{prefix}=" not in text:
            text = text.replace("<bpmn:definitions ", f'<bpmn:definitions xmlns:{prefix}="{uri}" ', 1)
    text = text.replace("</bpmn:definitions>", "\n".join(out) + "\n</bpmn:definitions>")
    open(diagram, "w", encoding="utf-8").write(add_flow_refs(text))


FLOW_NODE = re.compile(r'<bpmn:(userTask|serviceTask|businessRuleTask|startEvent|endEvent|exclusiveGateway|'
                       r'parallelGateway|boundaryEvent|subProcess|intermediateCatchEvent|intermediateThrowEvent)\b([^>]*?)(/?)>')


def add_flow_refs(text):
    """Writes <bpmn:incoming>/<bpmn:outgoing> for each flow node, after documentation and extensions."""
    text = re.sub(r'\s*<bpmn:(incoming|outgoing)>[^<]*</bpmn:\1>', '', text)
    flows = re.findall(r'<bpmn:sequenceFlow id="([^"]+)"[^>]*sourceRef="([^"]+)"[^>]*targetRef="([^"]+)"', text)
    incoming, outgoing = {}, {}
    for fid, source, target in flows:
        outgoing.setdefault(source, []).append(fid)
        incoming.setdefault(target, []).append(fid)
    out, pos = [], 0
    for match in FLOW_NODE.finditer(text):
        eid = re.search(r'\bid="([^"]+)"', match.group(2)).group(1)
        refs = [('incoming', f) for f in incoming.get(eid, [])] + [('outgoing', f) for f in outgoing.get(eid, [])]
        if not refs:
            continue
        indent = text[text.rfind('\n', 0, match.start()) + 1:match.start()]
        lines = ''.join(f'\n{indent}  <bpmn:{kind}>{fid}</bpmn:{kind}>' for kind, fid in refs)
        if match.group(3) == '/':
            out.append(text[pos:match.start()])
            out.append(f'<bpmn:{match.group(1)}{match.group(2)}>{lines}\n{indent}</bpmn:{match.group(1)}>')
            pos = match.end()
        else:
            insert_at = match.end()
            # documentation and extension elements come first in the schema
            while True:
                rest = text[insert_at:]
                found = re.match(r'\s*<bpmn:(documentation|extensionElements)\b.*?</bpmn:\1>', rest, re.S)
                if not found:
                    break
                insert_at += found.end()
            out.append(text[pos:insert_at])
            out.append(lines)
            pos = insert_at
    out.append(text[pos:])
    return ''.join(out)


def kind_of(process, eid):
    for element in process.iter():
        if element.get("id") == eid:
            return element.tag.split("}")[1]
    return None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
