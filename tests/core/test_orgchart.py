"""The org chart's layout: trees from stated lines only, managers over their reports, the gaps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.orgchart import BOX_HEIGHT, BOX_WIDTH, ChartPerson, layout_chart, shorten

CEO, CFO, COO, CONTROLLER, PLANNER, ASSISTANT, LONER = range(1, 8)
PEOPLE = [
    ChartPerson(CEO, "Petra Lang", "Geschäftsführerin", 7, "Key contact"),
    ChartPerson(CFO, "Hans Huber", "CFO", 7, "Not in touch yet"),
    ChartPerson(COO, "Claudia Wermelskirchen", "Leiterin Operations", 5, "New contact"),
    ChartPerson(CONTROLLER, "Me Myself", "Leiter Controlling", 5, "You", is_me=True),
    ChartPerson(PLANNER, "Ulla Plan", "Werkstudentin Controlling", 1, "Not in touch yet"),
    ChartPerson(ASSISTANT, "Anton Assist", "Assistant to the CEO", 2, "Not in touch yet"),
    ChartPerson(LONER, "Lara Solo", "Leiterin Recht", 5, "Not in touch yet"),
]


def _boxes(chart):
    return {box.person.person_id: box for box in chart.boxes}


def test_no_line_no_chart_whatever_the_titles_say():
    chart = layout_chart(PEOPLE, {})
    assert chart.boxes == [] and chart.links == [] and chart.gaps == []


def test_managers_sit_centred_over_their_reports_and_links_join_them():
    chart = layout_chart(PEOPLE, {CFO: CEO, CONTROLLER: CFO, PLANNER: CONTROLLER})
    boxes = _boxes(chart)
    assert [boxes[pid].y for pid in (CEO, CFO, CONTROLLER, PLANNER)] == sorted(
        boxes[pid].y for pid in (CEO, CFO, CONTROLLER, PLANNER)
    )
    assert boxes[CEO].y < boxes[CFO].y < boxes[CONTROLLER].y < boxes[PLANNER].y
    assert boxes[CEO].x == boxes[CFO].x  # a single report: straight below
    assert len(chart.links) == 3
    assert all(box.x >= 0 and box.x + BOX_WIDTH <= chart.width for box in chart.boxes)
    assert all(box.y >= 0 and box.y + BOX_HEIGHT <= chart.height for box in chart.boxes)


def test_people_below_the_known_top_without_a_manager_are_the_gaps():
    chart = layout_chart(PEOPLE, {CFO: CEO, CONTROLLER: CFO})
    gaps = [person.name for person in chart.gaps]
    # The COO, the lawyer, the student and the CEO's assistant: all below the Geschäftsführerin.
    assert gaps == ["Claudia Wermelskirchen", "Lara Solo", "Anton Assist", "Ulla Plan"]
    assert CEO not in {person.person_id for person in chart.gaps}
    drawn = [box for box in chart.boxes if box.gap]
    assert len(drawn) == 4 and all(box.y > _boxes(chart)[CONTROLLER].y for box in drawn)
    # The assistant is not placed under the CEO: a title never invents a line.
    assert not any(link for link in chart.links if link.x2 == _boxes(chart)[ASSISTANT].x + BOX_WIDTH // 2
                   and link.y2 == _boxes(chart)[ASSISTANT].y)


def test_a_second_tree_whose_head_sits_below_the_top_is_a_gap_itself():
    chart = layout_chart(PEOPLE, {CFO: CEO, PLANNER: COO})
    boxes = _boxes(chart)
    assert boxes[COO].gap is True and boxes[CEO].gap is False
    assert [box.person.person_id for box in chart.boxes].count(COO) == 1


def test_long_names_are_shortened_to_fit_a_box():
    assert shorten("Claudia Wermelskirchen-Oberhausen", 23) == "Claudia Wermelskirchen…"
    assert len(shorten("x" * 80)) == 28


@given(st.dictionaries(st.integers(1, 7), st.integers(1, 7), max_size=7))
def test_any_lines_even_loops_give_a_chart_without_overlaps(lines):
    chart = layout_chart(PEOPLE, lines)
    spots = [(box.x, box.y) for box in chart.boxes]
    assert len(spots) == len(set(spots))
    assert len({box.person.person_id for box in chart.boxes}) == len(chart.boxes)
