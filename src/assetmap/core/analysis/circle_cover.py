"""How much of each area lies inside the union of the circles near it, compiled.

The covered area is the area of (area ∩ union of circles), found from its boundary by
Green's theorem instead of by polygon overlay: that boundary is made of the area's edges
where they run inside some circle, and the circles' edges where they run inside the area
and outside every other circle. Each piece is a stretch of a straight edge, over which
``x dy - y dx`` is constant, so the area is a sum of edge terms times the covered share of
each edge. The shares come from clipping an edge to a convex polygon (every circle is the
same regular polygon moved), which is exact and cheap; no polygon is ever built.

This runs as machine code through numba with the GIL released, so both cores work at once
(GEOS overlay, one circle at a time, took most of a national analysis).

Points in a circle's boundary count as outside it, so two circles from one place would
both keep their shared edges: callers pass each place once.
"""

from __future__ import annotations

import numpy as np
from numba import njit

EMPTY = (0.0, -1.0)


@njit(cache=True, nogil=True)
def covered_areas(
    which: np.ndarray,
    edge_start: np.ndarray,
    edges: np.ndarray,
    circle_start: np.ndarray,
    circle_index: np.ndarray,
    places: np.ndarray,
    template: np.ndarray,
    apothem: float,
    covered: np.ndarray,
    total: np.ndarray,
) -> None:
    """For each area index in ``which``: its covered area and its own area, into
    ``covered`` and ``total``. Area ``i``'s edges are ``edges[edge_start[i]:edge_start[i+1]]``
    (x0, y0, x1, y1; outer rings anticlockwise, holes clockwise) and the centres of the
    circles that may reach it are the rows of ``places`` (x, y) that
    ``circle_index[circle_start[i]:circle_start[i+1]]`` names; ``template`` is the circle's
    anticlockwise ring around (0, 0), closed."""
    radius = np.sqrt(template[0, 0] ** 2 + template[0, 1] ** 2)
    for i in which:
        a, b = edge_start[i], edge_start[i + 1]
        c, d = circle_start[i], circle_start[i + 1]
        near = circle_index[c:d]
        covered[i], total[i] = _one_area(edges[a:b], near, places, template, radius, apothem)


@njit(cache=True, nogil=True)
def _one_area(
    edges: np.ndarray,
    near: np.ndarray,
    places: np.ndarray,
    template: np.ndarray,
    radius: float,
    apothem: float,
) -> tuple[float, float]:
    m, k = edges.shape[0], near.shape[0]
    if m == 0:
        return 0.0, 0.0
    # Work near the area: terms of x dy - y dx then stay small and cancel less.
    ox, oy = edges[0, 0], edges[0, 1]
    e = np.empty((m, 4))
    for j in range(m):
        e[j, 0], e[j, 1] = edges[j, 0] - ox, edges[j, 1] - oy
        e[j, 2], e[j, 3] = edges[j, 2] - ox, edges[j, 3] - oy
    own = 0.0
    for j in range(m):
        own += _term(e[j, 0], e[j, 1], e[j, 2] - e[j, 0], e[j, 3] - e[j, 1])
    own *= 0.5
    if k == 0:
        return 0.0, own
    cx, cy = _reaching(e, near, places, ox, oy, radius)
    k = cx.shape[0]
    if k == 0:
        return 0.0, own
    for c in range(k):
        if _holds_every_vertex(e, cx[c], cy[c], template, radius, apothem):
            return own, own
    lo = np.empty(k)
    hi = np.empty(k)
    inside = _along_area_edges(e, cx, cy, template, radius, apothem, lo, hi)
    inside += _along_circle_edges(e, cx, cy, template, radius, apothem, lo, hi)
    return 0.5 * inside, own


@njit(cache=True, nogil=True)
def _reaching(
    e: np.ndarray, near: np.ndarray, places: np.ndarray, ox: float, oy: float, distance: float
) -> tuple[np.ndarray, np.ndarray]:
    """The centres within ``distance`` of the area (callers may pass more), nearest to the
    middle of its bounds first: near circles most often hold it whole or cover an edge
    whole, and finding one early ends a search."""
    box = _bounds(e)
    mx, my = 0.5 * (box[0] + box[2]), 0.5 * (box[1] + box[3])
    k = near.shape[0]
    x, y, gap = np.empty(k), np.empty(k), np.empty(k)
    n = 0
    for c in range(k):
        x[n], y[n] = places[near[c], 0] - ox, places[near[c], 1] - oy
        reaches = _holds(e, x[n], y[n])
        for j in range(e.shape[0]):
            if reaches:
                break
            rx, ry = e[j, 0] - x[n], e[j, 1] - y[n]
            dx, dy = e[j, 2] - e[j, 0], e[j, 3] - e[j, 1]
            reaches = _segment_distance2(rx, ry, dx, dy) <= distance * distance
        if reaches:
            gap[n] = (x[n] - mx) ** 2 + (y[n] - my) ** 2
            n += 1
    order = _order(gap, n)
    cx, cy = np.empty(n), np.empty(n)
    for i in range(n):
        cx[i], cy[i] = x[order[i]], y[order[i]]
    return cx, cy


@njit(cache=True, nogil=True)
def _bounds(e: np.ndarray) -> np.ndarray:
    """min x, min y, max x, max y of the area's edges."""
    box = np.empty(4)
    box[0], box[1] = e[0, 0], e[0, 1]
    box[2], box[3] = e[0, 0], e[0, 1]
    for j in range(e.shape[0]):
        box[0], box[2] = min(box[0], e[j, 0], e[j, 2]), max(box[2], e[j, 0], e[j, 2])
        box[1], box[3] = min(box[1], e[j, 1], e[j, 3]), max(box[3], e[j, 1], e[j, 3])
    return box


@njit(cache=True, nogil=True)
def _order(keys: np.ndarray, n: int) -> np.ndarray:
    """The order of the first ``n`` keys, ties kept as given (insertion sort: the lists
    are short, and numpy's sorts take many seconds to compile)."""
    order = np.arange(n)
    for i in range(1, n):
        at, key = order[i], keys[order[i]]
        j = i - 1
        while j >= 0 and keys[order[j]] > key:
            order[j + 1] = order[j]
            j -= 1
        order[j + 1] = at
    return order


@njit(cache=True, nogil=True)
def _sort(values: np.ndarray, n: int) -> None:
    """Sort the first ``n`` values in place (insertion sort, as ``_order``)."""
    for i in range(1, n):
        value = values[i]
        j = i - 1
        while j >= 0 and values[j] > value:
            values[j + 1] = values[j]
            j -= 1
        values[j + 1] = value


@njit(cache=True, nogil=True)
def _term(x: float, y: float, dx: float, dy: float) -> float:
    """Twice the signed area an edge from (x, y) by (dx, dy) adds (Green's theorem)."""
    return x * dy - y * dx


@njit(cache=True, nogil=True)
def _holds_every_vertex(
    e: np.ndarray, cx: float, cy: float, template: np.ndarray, radius: float, apothem: float
) -> bool:
    """Whether the circle at (cx, cy) holds the whole area: it is convex, so holding every
    vertex is enough."""
    for j in range(e.shape[0]):
        px, py = e[j, 0] - cx, e[j, 1] - cy
        r2 = px * px + py * py
        if r2 <= apothem * apothem:
            continue
        if r2 > radius * radius:
            return False
        for s in range(template.shape[0] - 1):
            vx, vy = template[s, 0], template[s, 1]
            wx, wy = template[s + 1, 0] - vx, template[s + 1, 1] - vy
            if wx * (py - vy) - wy * (px - vx) < 0.0:
                return False
    return True


@njit(cache=True, nogil=True)
def _clip(
    px: float,
    py: float,
    dx: float,
    dy: float,
    cx: float,
    cy: float,
    template: np.ndarray,
    radius: float,
    apothem: float,
) -> tuple[float, float]:
    """The stretch [t0, t1] of the edge (px, py) + t (dx, dy), 0 <= t <= 1, strictly inside
    the circle at (cx, cy) (Cyrus-Beck); t1 < t0 when there is none.

    A point between the inner and outer radius can only be outside the side of the
    polygon facing its own direction from the centre, so only the sides facing the
    directions the edge sweeps through are tried, not all 64."""
    rx, ry = px - cx, py - cy
    qx, qy = rx + dx, ry + dy
    if _segment_distance2(rx, ry, dx, dy) >= radius * radius:
        return EMPTY
    a2 = apothem * apothem
    if rx * rx + ry * ry < a2 and qx * qx + qy * qy < a2:
        return 0.0, 1.0
    sides = template.shape[0] - 1
    step = 2.0 * np.pi / sides
    first, sweep = _directions(rx, ry, qx, qy, 1e-6 * radius)
    side = int(np.floor(first / step)) - 1
    count = min(sides, int(np.ceil(sweep / step)) + 3)
    t0, t1 = 0.0, 1.0
    for j in range(count):
        s = (side + j) % sides
        vx, vy = template[s, 0], template[s, 1]
        wx, wy = template[s + 1, 0] - vx, template[s + 1, 1] - vy
        num = wx * (ry - vy) - wy * (rx - vx)
        den = wx * dy - wy * dx
        if den == 0.0:
            if num <= 0.0:
                return EMPTY
        elif den > 0.0:
            t0 = max(t0, -num / den)
        else:
            t1 = min(t1, -num / den)
        if t1 <= t0:
            return EMPTY
    return t0, t1


@njit(cache=True, nogil=True)
def _directions(rx: float, ry: float, qx: float, qy: float, tiny: float) -> tuple[float, float]:
    """The directions from the centre that the edge from (rx, ry) to (qx, qy) passes
    through: from the first (anticlockwise) over the sweep. An end at the centre has no
    direction of its own, and there the edge runs in the other end's."""
    if rx * rx + ry * ry <= tiny * tiny:
        return np.arctan2(qy, qx), 0.0
    if qx * qx + qy * qy <= tiny * tiny:
        return np.arctan2(ry, rx), 0.0
    turn = rx * qy - ry * qx
    sweep = np.arctan2(abs(turn), rx * qx + ry * qy)
    return (np.arctan2(ry, rx) if turn >= 0.0 else np.arctan2(qy, qx)), sweep


@njit(cache=True, nogil=True)
def _segment_distance2(rx: float, ry: float, dx: float, dy: float) -> float:
    """The squared distance from (0, 0) to the edge (rx, ry) + t (dx, dy), 0 <= t <= 1."""
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0.0 else min(1.0, max(0.0, -(rx * dx + ry * dy) / length2))
    ex, ey = rx + t * dx, ry + t * dy
    return ex * ex + ey * ey


@njit(cache=True, nogil=True)
def _along_area_edges(
    e: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    template: np.ndarray,
    radius: float,
    apothem: float,
    lo: np.ndarray,
    hi: np.ndarray,
) -> float:
    """Twice the Green's terms of the area's edges where they run inside some circle."""
    out = 0.0
    for j in range(e.shape[0]):
        px, py = e[j, 0], e[j, 1]
        dx, dy = e[j, 2] - px, e[j, 3] - py
        n = 0
        for c in range(cx.shape[0]):
            t0, t1 = _clip(px, py, dx, dy, cx[c], cy[c], template, radius, apothem)
            if t0 == 0.0 and t1 == 1.0:  # one circle holds the whole edge
                lo[0], hi[0], n = t0, t1, 1
                break
            if t1 > t0:
                lo[n], hi[n] = t0, t1
                n += 1
        if n:
            out += _term(px, py, dx, dy) * _merged_length(lo, hi, n)
    return out


@njit(cache=True, nogil=True)
def _along_circle_edges(
    e: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    template: np.ndarray,
    radius: float,
    apothem: float,
    lo: np.ndarray,
    hi: np.ndarray,
) -> float:
    """Twice the Green's terms of the circles' edges where they run inside the area and
    outside every other circle."""
    box = _bounds(e)
    sides = template.shape[0] - 1
    cuts = np.empty(e.shape[0] + 2)
    in_lo = np.empty(e.shape[0] + 1)
    in_hi = np.empty(e.shape[0] + 1)
    need = np.empty(sides, dtype=np.int64)
    whole = np.empty(sides, dtype=np.bool_)
    head = np.empty(sides, dtype=np.int64)
    link = np.empty(cx.shape[0] * sides, dtype=np.int64)
    who = np.empty(cx.shape[0] * sides, dtype=np.int64)
    out = 0.0
    for c in range(cx.shape[0]):
        n_need = _sides_in_box(cx[c], cy[c], template, box, need)
        if n_need == 0:
            continue
        _others_by_side(c, cx, cy, template, radius, apothem, need[:n_need], whole, head, link, who)
        for s in need[:n_need]:
            if whole[s]:
                continue
            px, py = cx[c] + template[s, 0], cy[c] + template[s, 1]
            dx, dy = template[s + 1, 0] - template[s, 0], template[s + 1, 1] - template[s, 1]
            n_in = _inside_stretches(e, px, py, dx, dy, cuts, in_lo, in_hi)
            if n_in == 0:
                continue
            n = 0
            gone = False
            at = head[s]
            while at >= 0:
                other = who[at]
                at = link[at]
                t0, t1 = _clip(px, py, dx, dy, cx[other], cy[other], template, radius, apothem)
                if t1 > t0:
                    if t0 <= in_lo[0] and t1 >= in_hi[n_in - 1]:
                        gone = True
                        break
                    lo[n], hi[n] = t0, t1
                    n += 1
            if not gone:
                out += _term(px, py, dx, dy) * _length_outside(in_lo, in_hi, n_in, lo, hi, n)
    return out


@njit(cache=True, nogil=True)
def _sides_in_box(
    cx: float, cy: float, template: np.ndarray, box: np.ndarray, need: np.ndarray
) -> int:
    """The sides of the circle at (cx, cy) whose bounds meet ``box`` (the area's), into
    ``need``; how many. Only they can run inside the area."""
    n = 0
    for s in range(template.shape[0] - 1):
        x0, x1 = cx + template[s, 0], cx + template[s + 1, 0]
        y0, y1 = cy + template[s, 1], cy + template[s + 1, 1]
        if max(x0, x1) < box[0] or min(x0, x1) > box[2]:
            continue
        if max(y0, y1) < box[1] or min(y0, y1) > box[3]:
            continue
        need[n] = s
        n += 1
    return n


@njit(cache=True, nogil=True)
def _others_by_side(
    c: int,
    cx: np.ndarray,
    cy: np.ndarray,
    template: np.ndarray,
    radius: float,
    apothem: float,
    need: np.ndarray,
    whole: np.ndarray,
    head: np.ndarray,
    link: np.ndarray,
    who: np.ndarray,
) -> None:
    """Which other circles can cover each needed side of circle ``c``: ``whole[s]`` when
    one holds both its ends within its inner radius (so all of it), else the others to
    clip it by, as lists from ``head[s]`` through ``link`` (``who`` names the circle).
    Only the sides that can run inside the area are looked at: a few of the 64."""
    a2, r2 = apothem * apothem, radius * radius
    for s in need:
        whole[s] = False
        head[s] = -1
    used = 0
    for other in range(cx.shape[0]):
        if other == c:
            continue
        ux, uy = cx[other] - cx[c], cy[other] - cy[c]
        if ux * ux + uy * uy >= 4.0 * r2:
            continue
        for s in need:
            if whole[s]:
                continue
            px, py = template[s, 0] - ux, template[s, 1] - uy
            qx, qy = template[s + 1, 0] - ux, template[s + 1, 1] - uy
            if px * px + py * py < a2 and qx * qx + qy * qy < a2:
                whole[s] = True
            elif _segment_distance2(px, py, qx - px, qy - py) < r2:
                who[used] = other
                link[used] = head[s]
                head[s] = used
                used += 1


@njit(cache=True, nogil=True)
def _inside_stretches(
    e: np.ndarray,
    px: float,
    py: float,
    dx: float,
    dy: float,
    cuts: np.ndarray,
    in_lo: np.ndarray,
    in_hi: np.ndarray,
) -> int:
    """The stretches of the edge (px, py) + t (dx, dy) inside the area, into in_lo/in_hi in
    order; how many. Each stretch between crossings is tested at its middle, so a vertex
    that touches the edge without crossing it cannot flip what follows."""
    n = 0
    cuts[n] = 0.0
    n += 1
    left, right = min(px, px + dx), max(px, px + dx)
    low, high = min(py, py + dy), max(py, py + dy)
    for j in range(e.shape[0]):
        ax, ay, ex, ey = e[j, 0], e[j, 1], e[j, 2], e[j, 3]
        if max(ax, ex) < left or min(ax, ex) > right or max(ay, ey) < low or min(ay, ey) > high:
            continue
        bx, by = ex - ax, ey - ay
        den = dx * by - dy * bx
        if den == 0.0:
            continue
        wx, wy = ax - px, ay - py
        t = (wx * by - wy * bx) / den
        u = (wx * dy - wy * dx) / den
        if 0.0 < t < 1.0 and 0.0 <= u <= 1.0:
            cuts[n] = t
            n += 1
    cuts[n] = 1.0
    n += 1
    if n > 3:  # one cut between 0 and 1 is in order already
        _sort(cuts, n)
    found = 0
    for s in range(n - 1):
        t0, t1 = cuts[s], cuts[s + 1]
        if t1 <= t0:
            continue
        mid = 0.5 * (t0 + t1)
        if not _holds(e, px + mid * dx, py + mid * dy):
            continue
        if found and in_hi[found - 1] == t0:
            in_hi[found - 1] = t1
        else:
            in_lo[found], in_hi[found] = t0, t1
            found += 1
    return found


@njit(cache=True, nogil=True)
def _holds(e: np.ndarray, x: float, y: float) -> bool:
    """Whether (x, y) is inside the area (even-odd over every ring)."""
    inside = False
    for j in range(e.shape[0]):
        y0, y1 = e[j, 1], e[j, 3]
        if (y0 > y) != (y1 > y):
            x0, x1 = e[j, 0], e[j, 2]
            if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


@njit(cache=True, nogil=True)
def _merged_length(lo: np.ndarray, hi: np.ndarray, n: int) -> float:
    """The length of the union of the stretches [lo, hi] (the first n)."""
    order = _order(lo, n)
    out = 0.0
    start, end = lo[order[0]], hi[order[0]]
    for r in range(1, n):
        a, b = lo[order[r]], hi[order[r]]
        if a > end:
            out += end - start
            start, end = a, b
        elif b > end:
            end = b
    return float(out + (end - start))


@njit(cache=True, nogil=True)
def _length_outside(
    in_lo: np.ndarray, in_hi: np.ndarray, n_in: int, lo: np.ndarray, hi: np.ndarray, n: int
) -> float:
    """The length of the stretches [in_lo, in_hi] (ordered, apart) outside every [lo, hi]."""
    kept = 0.0
    for s in range(n_in):
        kept += in_hi[s] - in_lo[s]
    if n == 0:
        return kept
    order = _order(lo, n)
    start, end = lo[order[0]], hi[order[0]]
    for r in range(1, n + 1):
        if r < n and lo[order[r]] <= end:
            end = max(end, hi[order[r]])
            continue
        for s in range(n_in):
            kept -= max(0.0, min(end, in_hi[s]) - max(start, in_lo[s]))
        if r < n:
            start, end = lo[order[r]], hi[order[r]]
    return kept
