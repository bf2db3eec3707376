"""An organization's chart from the reporting lines the user stated: boxes laid out as trees, and the
gaps research should fill.

Only stated lines make the chart. Titles ("Assistant to the CEO"), LinkedIn positions and seniority
never invent a line; seniority only decides who counts as a gap: someone at the organization without
a known manager who sits below a known top (a person others report to) — "Wer ist die Führungskraft
von X?".

Layout: each tree is drawn top-down; a leaf takes the next free column, a manager sits centred over
their reports; trees stand side by side, the largest first. Coordinates are pixels of the SVG.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

BOX_WIDTH, BOX_HEIGHT = 208, 82
COLUMN_GAP, ROW_GAP = 16, 40
MARGIN = 8
GAP_COLUMNS = 4  # gap boxes per row under the chart
MAX_GAP_BOXES = 8  # more are listed under the picture, not drawn
MAX_NAME, MAX_TEXT = 23, 28  # characters of a line in a box: the name in bold 13 px, the rest 12 px


@dataclass(frozen=True)
class ChartPerson:
    person_id: int
    name: str
    title: str
    rank: int  # seniority rank 0..9, -1 unknown
    state: str  # the relationship, already in the reader's language ("Key contact", "Sie")
    at_organization: bool = True  # False: a manager elsewhere (a holding's managing director)
    is_me: bool = False
    relation: str = ""  # around the user: manager, manager_of_manager, peer_of_manager, …
    relation_label: str = ""  # the same in the reader's language


@dataclass(frozen=True)
class Box:
    person: ChartPerson
    x: int
    y: int
    name: str  # each line shortened to fit
    title: str
    relation: str
    state: str
    gap: bool = False  # manager unknown: the question to research


@dataclass(frozen=True)
class Link:
    x1: int
    y1: int
    x2: int
    y2: int

    @property
    def path(self) -> str:
        """An elbow from the manager's bottom edge to the report's top edge."""
        middle = (self.y1 + self.y2) // 2
        return f"M{self.x1} {self.y1}V{middle}H{self.x2}V{self.y2}"


@dataclass
class Chart:
    width: int = 0
    height: int = 0
    boxes: list[Box] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    gaps: list[ChartPerson] = field(default_factory=list)  # every gap, drawn or not
    gaps_top: int = 0  # y where the gap boxes start
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT

    @property
    def narrow(self) -> bool:
        """Two columns at most: on a phone the picture shrinks to fit instead of scrolling."""
        return self.width <= 2 * (BOX_WIDTH + COLUMN_GAP) + 2 * MARGIN

    @property
    def placed(self) -> int:
        return sum(1 for box in self.boxes if not box.gap)


def _box(person: ChartPerson, x: int, y: int, *, gap: bool) -> Box:
    return Box(
        person, x, y, shorten(person.name, MAX_NAME), shorten(person.title), shorten(person.relation_label),
        shorten(person.state), gap=gap,
    )  # fmt: skip


def shorten(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _children(people: Mapping[int, ChartPerson], lines: Mapping[int, int]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for person, manager in lines.items():
        if person in people and manager in people and person != manager:
            children.setdefault(manager, []).append(person)
    for reports in children.values():
        reports.sort(key=lambda pid: (-people[pid].rank, people[pid].name.casefold(), pid))
    return children


def _tree_size(root: int, children: Mapping[int, list[int]], seen: set[int]) -> int:
    stack, size = [root], 0
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        size += 1
        stack.extend(children.get(node, ()))
    return size


def find_gaps(
    people: Mapping[int, ChartPerson], lines: Mapping[int, int], tops: Sequence[int]
) -> list[ChartPerson]:
    """People at the organization without a known manager who sit below a known top: the highest of
    ``tops`` (people others report to, with no manager themselves)."""
    if not tops:
        return []
    top_rank = max(people[top].rank for top in tops)
    head = min(tops, key=lambda top: (-people[top].rank, top))
    gaps = [
        person
        for pid, person in people.items()
        if person.at_organization and pid != head and pid not in lines and person.rank <= top_rank
    ]
    return sorted(gaps, key=lambda p: (-p.rank, p.name.casefold(), p.person_id))


def layout_chart(people: Sequence[ChartPerson], lines: Mapping[int, int]) -> Chart:
    """The chart of ``people`` (everyone at the organization, plus managers elsewhere they report to)
    with ``lines`` ({person id: manager id}); empty when no line joins two of them."""
    by_id = {person.person_id: person for person in people}
    children = _children(by_id, lines)
    if not children:
        return Chart()
    managed = {pid for reports in children.values() for pid in reports}
    roots = [pid for pid in children if pid not in managed]
    seen: set[int] = set()
    sized = [(_tree_size(root, children, seen), root) for root in roots]
    roots = [root for _, root in sorted(sized, key=lambda pair: (-pair[0], -by_id[pair[1]].rank, pair[1]))]
    chart = Chart()
    column, depth_max = 0, 0
    placed: dict[int, tuple[int, int]] = {}  # person → (x centre, depth)

    def place(node: int, depth: int, trail: frozenset[int]) -> float:
        nonlocal column, depth_max
        depth_max = max(depth_max, depth)
        reports = [child for child in children.get(node, ()) if child not in trail and child not in placed]
        if reports:
            centres = [place(child, depth + 1, trail | {node}) for child in reports]
            centre = (centres[0] + centres[-1]) / 2
        else:
            centre = column
            column += 1
        placed[node] = (centre, depth)
        return centre

    for root in roots:
        place(root, 0, frozenset())
    step_x, step_y = BOX_WIDTH + COLUMN_GAP, BOX_HEIGHT + ROW_GAP
    chart.gaps = find_gaps(by_id, lines, roots)
    asked = {person.person_id for person in chart.gaps}
    for pid, (centre, depth) in placed.items():
        person = by_id[pid]
        x, y = MARGIN + round(centre * step_x), MARGIN + depth * step_y
        chart.boxes.append(_box(person, x, y, gap=pid in asked))
        manager = lines.get(pid)
        if manager in placed and placed[manager][1] < depth:
            m_centre, m_depth = placed[manager]
            top_x = MARGIN + round(m_centre * step_x) + BOX_WIDTH // 2
            top_y = MARGIN + m_depth * step_y + BOX_HEIGHT
            chart.links.append(Link(top_x, top_y, x + BOX_WIDTH // 2, y))
    tree_bottom = MARGIN + (depth_max + 1) * step_y - ROW_GAP
    chart.gaps_top = tree_bottom + ROW_GAP
    unplaced = [person for person in chart.gaps if person.person_id not in placed][:MAX_GAP_BOXES]
    for index, person in enumerate(unplaced):
        row, col = divmod(index, GAP_COLUMNS)
        x, y = MARGIN + col * step_x, chart.gaps_top + row * step_y
        chart.boxes.append(_box(person, x, y, gap=True))
    columns = max(column, min(len(unplaced), GAP_COLUMNS))
    gap_rows = -(-len(unplaced) // GAP_COLUMNS)
    chart.width = 2 * MARGIN + columns * step_x - COLUMN_GAP
    chart.height = (chart.gaps_top + gap_rows * step_y - ROW_GAP if gap_rows else tree_bottom) + MARGIN
    return chart
