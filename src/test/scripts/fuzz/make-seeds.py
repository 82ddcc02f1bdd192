#!/usr/bin/env python3
"""Makes the fuzz seeds: small dumps cut down from the committed real fixtures, so that one mutant reads in a few
milliseconds while every record kind and every header field of the real files is still there.

  python3 src/test/scripts/fuzz/make-seeds.py

HPROF: jdk25-small.hprof.gz with every CLASS DUMP, every GC root record, every 16th other object record and only the
UTF8 records something still names. V8: worker-base.heapsnapshot.gz cut to its first 1500 nodes, the edges among them
and the strings they name (locations and every other section kept as far as they apply).
"""
import gzip
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
FIXTURES = os.path.join(ROOT, 'src', 'test', 'resources', 'fixtures')
SEEDS = os.path.join(ROOT, 'src', 'test', 'resources', 'fuzz', 'seeds')

BASIC_SIZE = {2: None, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}


def hprof_seed():
    data = gzip.open(os.path.join(FIXTURES, 'hprof', 'jdk25-small.hprof.gz')).read()
    header_end = data.index(b'\0') + 1 + 12
    id_size = struct.unpack('>I', data[header_end - 12:header_end - 8])[0]
    size = dict(BASIC_SIZE)
    size[2] = id_size
    records = []
    p = header_end
    while p < len(data):
        tag = data[p]
        length = struct.unpack('>I', data[p + 5:p + 9])[0]
        records.append((tag, data[p:p + 9], data[p + 9:p + 9 + length]))
        p += 9 + length
    kept = []
    for tag, head, body in records:
        if tag in (0x0C, 0x1C):
            body = reduce_heap_segment(body, id_size, size)
            head = head[:5] + struct.pack('>I', len(body))
        kept.append((tag, head, body))
    named = set()
    for tag, head, body in kept:
        if tag != 0x01:
            for i in range(0, len(body) - id_size + 1):
                named.add(body[i:i + id_size])
    out = bytearray(data[:header_end])
    for tag, head, body in kept:
        if tag == 0x01 and body[:id_size] not in named:
            continue
        out += head + body
    write_gzip('jdk25-reduced.hprof.gz', bytes(out))


def reduce_heap_segment(body, id_size, size):
    out = bytearray()
    p = 0
    count = 0
    while p < len(body):
        start = p
        tag = body[p]
        p += 1
        keep = True
        if tag == 0x20:  # CLASS DUMP
            p += 7 * id_size + 4 + 4
            cp = struct.unpack('>H', body[p:p + 2])[0]
            p += 2
            for _ in range(cp):
                t = body[p + 2]
                p += 3 + size[t]
            statics = struct.unpack('>H', body[p:p + 2])[0]
            p += 2
            for _ in range(statics):
                t = body[p + id_size]
                p += id_size + 1 + size[t]
            fields = struct.unpack('>H', body[p:p + 2])[0]
            p += 2 + fields * (id_size + 1)
        elif tag == 0x21:  # INSTANCE DUMP
            n = struct.unpack('>I', body[p + 2 * id_size + 4:p + 2 * id_size + 8])[0]
            p += 2 * id_size + 8 + n
            count += 1
            keep = count % 16 == 0
        elif tag == 0x22:  # OBJECT ARRAY DUMP
            n = struct.unpack('>I', body[p + id_size + 4:p + id_size + 8])[0]
            p += 2 * id_size + 8 + n * id_size
            count += 1
            keep = count % 16 == 0
        elif tag == 0x23:  # PRIMITIVE ARRAY DUMP
            n = struct.unpack('>I', body[p + id_size + 4:p + id_size + 8])[0]
            t = body[p + id_size + 8]
            p += id_size + 9 + n * size[t]
            count += 1
            keep = count % 16 == 0
        elif tag in (0xFF, 0x05, 0x07, 0x8A, 0x89, 0x8B, 0x8D, 0x8E, 0x90):
            p += id_size
        elif tag == 0x01:
            p += 2 * id_size
        elif tag in (0x02, 0x03, 0x08):
            p += id_size + 8
        elif tag in (0x04, 0x06):
            p += id_size + 4
        else:
            raise SystemExit('unexpected sub-record tag 0x%02x' % tag)
        if keep:
            out += body[start:p]
    return bytes(out)


def v8_seed(keep_nodes=1500):
    snapshot = json.load(gzip.open(os.path.join(FIXTURES, 'v8', 'layouts', 'worker-base.heapsnapshot.gz')))
    meta = snapshot['snapshot']['meta']
    nf = len(meta['node_fields'])
    ef = len(meta['edge_fields'])
    node_types = meta['node_fields']
    edge_fields = meta['edge_fields']
    ec = node_types.index('edge_count')
    name_at = node_types.index('name')
    to_at = edge_fields.index('to_node')
    type_at = edge_fields.index('type')
    name_or_index = edge_fields.index('name_or_index')
    numeric = {i for i, t in enumerate(meta['edge_types'][type_at]) if t in ('element', 'hidden')}
    nodes = snapshot['nodes']
    edges = snapshot['edges']
    kept_nodes = []
    kept_edges = []
    e = 0
    for n in range(len(nodes) // nf):
        row = nodes[n * nf:(n + 1) * nf]
        own = []
        for _ in range(row[ec]):
            edge = edges[e:e + ef]
            e += ef
            if edge[to_at] // nf < keep_nodes:
                own.append(edge)
        if n < keep_nodes:
            row = list(row)
            row[ec] = len(own)
            kept_nodes.append(row)
            kept_edges.extend(own)
    strings = snapshot['strings']
    used = sorted({row[name_at] for row in kept_nodes}
                  | {edge[name_or_index] for edge in kept_edges if edge[type_at] not in numeric})
    renumber = {old: new for new, old in enumerate(used)}
    for row in kept_nodes:
        row[name_at] = renumber[row[name_at]]
    for edge in kept_edges:
        if edge[type_at] not in numeric:
            edge[name_or_index] = renumber[edge[name_or_index]]
    snapshot['snapshot']['node_count'] = len(kept_nodes)
    snapshot['snapshot']['edge_count'] = len(kept_edges)
    snapshot['nodes'] = [v for row in kept_nodes for v in row]
    snapshot['edges'] = [v for edge in kept_edges for v in edge]
    snapshot['strings'] = [strings[i] for i in used]
    if 'locations' in snapshot:
        lf = len(meta['location_fields'])
        loc = snapshot['locations']
        snapshot['locations'] = [v for i in range(0, len(loc), lf) if loc[i] // nf < keep_nodes
                                 for v in loc[i:i + lf]]
    text = json.dumps(snapshot, separators=(',', ':'))
    write_gzip('worker-reduced.heapsnapshot.gz', text.encode('utf-8'))


def write_gzip(name, data):
    os.makedirs(SEEDS, exist_ok=True)
    with open(os.path.join(SEEDS, name), 'wb') as f:
        with gzip.GzipFile(fileobj=f, mode='wb', mtime=0) as gz:
            gz.write(data)
    print(name, len(data), 'bytes')


if __name__ == '__main__':
    hprof_seed()
    v8_seed()
