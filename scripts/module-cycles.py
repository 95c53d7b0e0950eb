#!/usr/bin/env python3
"""Module cycles in src/: an edge A -> B for every path in A that names module B
(`use crate::…`, `use super::…`, `use self::…`, or the same paths inline), B being the longest
prefix of the path that is a module file. `mod x;` declarations are not edges. Prints every
strongly connected component of more than one module and exits 1 if there is one."""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
mods = {}  # module path tuple -> file
for dirpath, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".rs"):
            continue
        rel = os.path.relpath(os.path.join(dirpath, f), root)[:-3].split(os.sep)
        if rel[-1] in ("mod", "lib", "main"):
            rel = rel[:-1]
        if rel == [] and f == "main.rs":
            continue  # the binary is its own crate
        mods[tuple(rel)] = os.path.join(dirpath, f)

def strip_tests(text):
    # Test modules may use anything; only the code that ships counts.
    i = text.find("#[cfg(test)]")
    return text if i < 0 else text[:i]

def expand(prefix, body):
    """Paths of a use tree `a::{b, c::{d, e}}` below `prefix`."""
    body = body.strip()
    if not body.startswith("{") and "{" in body:
        head, rest = body.split("{", 1)
        return expand(prefix + [p for p in head.strip(":").split("::") if p], "{" + rest)
    if body.startswith("{"):
        inner, depth, part, parts = body[1:body.rindex("}")], 0, "", []
        for ch in inner:
            if ch == "," and depth == 0:
                parts.append(part); part = ""
                continue
            depth += ch == "{"
            depth -= ch == "}"
            part += ch
        parts.append(part)
        return [q for p in parts if p.strip() for q in expand(prefix, p)]
    name = body.split(" as ")[0].strip()
    return [prefix + [p for p in name.split("::") if p]]

def resolve(module, path):
    if path[0] == "crate":
        base, path = [], path[1:]
    elif path[0] == "super":
        base = list(module)
        while path and path[0] == "super":
            base, path = base[:-1], path[1:]
    elif path[0] == "self":
        base, path = list(module), path[1:]
    else:
        return None
    full = base + path
    for n in range(len(full), -1, -1):
        if tuple(full[:n]) in mods:
            return tuple(full[:n])
    return None

edges = {m: set() for m in mods}
for m, f in mods.items():
    text = strip_tests(open(f, encoding="utf-8").read())
    text = re.sub(r"//[^\n]*", "", text)
    paths = []
    for u in re.finditer(r"\buse\s+([^;]+);", text, re.S):
        paths += expand([], u.group(1).replace("\n", " "))
    paths += [p.split("::") for p in re.findall(r"(?<![\w:])(?:crate|super|self)(?:::\w+)+", text)]
    for p in paths:
        if p and p[0] in ("crate", "super", "self"):
            t = resolve(m, p)
            if t is not None and t != m:
                edges[m].add(t)

# Tarjan's strongly connected components.
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1
    stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(comp)
sys.setrecursionlimit(10000)
for v in mods:
    if v not in index:
        visit(v)
name = lambda m: "::".join(m) or "crate"
n_edges = sum(len(e) for e in edges.values())
for comp in sccs:
    print("cycle:", " <-> ".join(sorted(name(m) for m in comp)))
    for m in sorted(comp):
        print("   ", name(m), "->", ", ".join(sorted(name(t) for t in edges[m] if t in comp)))
print(f"{len(mods)} modules, {n_edges} use edges, {len(sccs)} cycles")
sys.exit(1 if sccs else 0)
