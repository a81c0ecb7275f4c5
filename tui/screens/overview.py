"""The overview: the shape of the disagreement across the whole story.

A sources-by-sources matrix (facts shared, how many conflict), the disputed facts ranked by how
many sources they involve (Enter jumps to one in the reader), then the facts everybody agrees
on, and a line per source for what only it reports. ``t`` orders the sources by publication
date (who reported first) instead of the story's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from alignment import Alignment, Document, Passage
from alignment.safe import one_line
from alignment.summary import (
    GroupSummary,
    agreed_facts,
    disputed_facts,
    fact_passages,
    publication_order,
    snippet,
    source_matrix,
    unique_passages,
)

from ..render import date_label

# Short column labels: whole ids when they are this short, else the shortest unique prefix.
_LABEL_MAX = 8
_LABEL_MIN = 3
CONFLICT_SIGN = "≠"
AGREE_SIGN = "≡"
UNIQUE_SIGN = "◆"


def _snip(text: str, width: int) -> str:
    """Text from input on one line, cut to ``width`` (``snippet``), safe to show."""
    return one_line(snippet(text, width))


def short_labels(ids: Sequence[str]) -> list[str]:
    """Column labels for the matrix: the ids when short, else their shortest unique prefixes
    (at least three characters), else the sources' positions (#1, #2, ...)."""
    if all(len(i) <= _LABEL_MAX for i in ids):
        return list(ids)
    for size in range(_LABEL_MIN, _LABEL_MAX + 1):
        prefixes = [i[:size] for i in ids]
        if len(set(prefixes)) == len(prefixes):
            return prefixes
    return [f"#{k + 1}" for k in range(len(ids))]


def source_name(label: str, document: Document) -> str:
    """A source's row name: its label, outlet (cut short) and publication date when known."""
    when = date_label(document.published) if document.published else ""
    return " ".join(x for x in (label, _snip(document.outlet, 16), when) if x)


def source_order(alignment: Alignment, by_date: bool) -> tuple[int, ...]:
    """The sources in story order, or by publication date (undated last)."""
    if by_date:
        return publication_order(alignment.documents)
    return tuple(range(len(alignment.documents)))


def matrix_content(alignment: Alignment, order: Sequence[int] | None = None) -> Content:
    """The sources-by-sources table as styled text, one row per source.

    A cell reads "shared" or "shared ·k≠": the facts both sources report and, of those, how
    many they conflict over. The diagonal, in brackets, counts the facts a source shares with
    any other. ``order`` gives the sources' order (rows and columns alike), by default the
    story's.
    """
    matrix = source_matrix(alignment)
    docs = alignment.documents
    order = list(order) if order is not None else list(range(len(docs)))
    all_labels = short_labels([one_line(d.id) for d in docs])
    labels = [all_labels[k] for k in order]
    cells = [
        [
            f"({matrix.shared[i][j]})"
            if i == j
            else f"{matrix.shared[i][j]}"
            + (f" ·{matrix.conflicts[i][j]}{CONFLICT_SIGN}" if matrix.conflicts[i][j] else "")
            for j in order
        ]
        for i in order
    ]
    width = max([len(label) for label in labels] + [len(c) for row in cells for c in row]) + 2
    names = [source_name(all_labels[k], docs[k]) for k in order]
    name_width = max(len(n) for n in names) + 2
    lines = [
        Content.assemble(
            ("".ljust(name_width), ""), *((label.rjust(width), "bold") for label in labels)
        )
    ]
    for row, name in enumerate(names):
        i = order[row]
        parts: list[tuple[str, str]] = [(name.ljust(name_width), "bold")]
        for col, cell in enumerate(cells[row]):
            j = order[col]
            if i == j:
                style = "$text-muted"
            elif matrix.conflicts[i][j]:
                style = "bold $text-error"
            elif matrix.shared[i][j]:
                style = ""
            else:
                style = "$text-muted"
            parts.append((cell.rjust(width), style))
        lines.append(Content.assemble(*parts))
    lines.append(
        Content.styled(
            f"cells: facts both sources report · {CONFLICT_SIGN} how many of them conflict · "
            "(diagonal): facts the source shares",
            "$text-muted",
        )
    )
    return Content("\n").join(lines)


def fact_prompt(
    alignment: Alignment, summary: GroupSummary, name: Passage, width: int = 48
) -> Content:
    """One line of the fact list: sign, conflict kinds, the count, and the fact's wording
    (``name``, from ``fact_passages``)."""
    quote = _snip(alignment.text(name), width)
    labels = short_labels([one_line(d.id) for d in alignment.documents])
    told = one_line(summary.text)
    if summary.disputed:
        return Content.assemble(
            (f"{CONFLICT_SIGN} ", "bold $text-error"),
            (f"{', '.join(summary.kinds) or 'conflict'} · ", "bold"),
            (told, ""),
            (f"  “{quote}”", "$text-muted"),
        )
    return Content.assemble(
        (f"{AGREE_SIGN} ", "bold $text-success"),
        (summary.text, ""),
        (f" · {' '.join(labels[d] for d in summary.docs)}", ""),
        (f"  “{quote}”", "$text-muted"),
    )


def unique_content(
    alignment: Alignment, width: int = 50, order: Sequence[int] | None = None
) -> Content:
    """A line per source (in ``order``, by default the story's): how many passages only it
    reports, and the first of them."""
    lines = []
    labels = short_labels([one_line(d.id) for d in alignment.documents])
    unique = unique_passages(alignment)
    for k in order if order is not None else range(len(alignment.documents)):
        passages = unique[k]
        name = source_name(labels[k], alignment.documents[k])
        if not passages:
            lines.append(
                Content.assemble(
                    (f"{UNIQUE_SIGN} {name}", "bold"), (" · nothing of its own", "$text-muted")
                )
            )
            continue
        count = f"{len(passages)} passage{'s' if len(passages) != 1 else ''}"
        lines.append(
            Content.assemble(
                (f"{UNIQUE_SIGN} {name}", "bold"),
                (f" · {count} only it reports: ", ""),
                (f"“{_snip(alignment.text(passages[0]), width)}”", "$text-muted"),
            )
        )
    return Content("\n").join(lines)


class FactList(OptionList):
    """The ranked facts; each option's id is its group id."""


class OverviewScreen(Screen[int | None]):
    """The story at a glance; dismisses with the group chosen, or None when closed.

    Push it with a callback: ``app.push_screen(OverviewScreen(alignment), jump_to_group)``.
    """

    DEFAULT_CSS = """
    OverviewScreen {
        layout: vertical;
        overflow-y: auto;
        padding: 0 1;
        & > .title { text-style: bold; margin: 0 0 1 0; }
        & > .heading { text-style: bold; color: $accent; margin: 1 0 0 0; }
        & > #overview-matrix-scroll { height: auto; max-height: 50%; overflow-y: auto; }
        #overview-matrix { width: auto; text-wrap: nowrap; }
        & > FactList { height: 1fr; min-height: 6; }
        & > #overview-unique { height: auto; max-height: 12; }
    }
    """

    BINDINGS = [
        Binding(
            "enter",
            "jump",
            "Go to fact",
            tooltip="Back to the reader, on the highlighted fact",
            id="overview-jump",
        ),
        Binding("escape", "close", "Back", tooltip="Back to the reader", id="overview-close"),
        Binding("o", "close", "Back", show=False, id="overview-toggle"),
        Binding(
            "t",
            "order",
            "By date",
            tooltip="Order the sources by publication date (who reported first), or back",
            id="overview-order",
        ),
    ]

    by_date: reactive[bool] = reactive(False)

    def __init__(self, alignment: Alignment, *, current_group: int | None = None) -> None:
        """Args:
        alignment: the story to summarise.
        current_group: the reader's current group, highlighted when it is in the list.
        """
        super().__init__()
        self.alignment = alignment
        self.current_group = current_group
        self.disputed = disputed_facts(alignment)
        self.agreed = agreed_facts(alignment)

    def compose(self) -> ComposeResult:
        a = self.alignment
        yield Label(
            Content(
                f"Overview · {len(a.documents)} sources · {len(a.groups)} shared facts · "
                f"{len(self.disputed)} disputed"
            ),
            classes="title",
        )
        yield Label(Content(self._sources_heading()), classes="heading", id="overview-sources")
        # Many sources make a wide table: it scrolls sideways rather than wrap its rows.
        with HorizontalScroll(id="overview-matrix-scroll"):
            yield Static(matrix_content(a, self._order()), id="overview-matrix")
        yield Label(
            Content("Facts · disputed first, most sources first · Enter jumps to the fact"),
            classes="heading",
        )
        yield FactList(*self._options(), id="overview-facts")
        yield Label(Content("What only one source reports"), classes="heading")
        yield Static(unique_content(a, order=self._order()), id="overview-unique")
        yield Footer()

    def _order(self) -> tuple[int, ...]:
        return source_order(self.alignment, self.by_date)

    def _sources_heading(self) -> str:
        if not self.by_date:
            return "Sources by sources"
        return "Sources by sources · by publication date, earliest first (undated last)"

    def watch_by_date(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#overview-sources", Label).update(Content(self._sources_heading()))
        self.query_one("#overview-matrix", Static).update(
            matrix_content(self.alignment, self._order())
        )
        self.query_one("#overview-unique", Static).update(
            unique_content(self.alignment, order=self._order())
        )

    def action_order(self) -> None:
        """Sources by publication date, or back to the story's order."""
        self.by_date = not self.by_date

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Ordering by date needs dates: hidden when no source has one.
        if action == "order":
            return any(d.published for d in self.alignment.documents)
        return True

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        if not self.disputed:
            options.append(
                Option(
                    Content.styled(
                        "No contradiction found between linked passages.", "$text-muted"
                    ),
                    disabled=True,
                )
            )
        names = fact_passages(self.alignment)
        for summary in self.disputed:
            prompt = fact_prompt(self.alignment, summary, names[summary.group])
            options.append(Option(prompt, id=str(summary.group)))
        if self.agreed:
            options.append(None)
        for summary in self.agreed:
            prompt = fact_prompt(self.alignment, summary, names[summary.group])
            options.append(Option(prompt, id=str(summary.group)))
        return options

    def on_mount(self) -> None:
        facts = self.query_one(FactList)
        facts.focus()
        if self.current_group is not None:
            try:
                facts.highlighted = facts.get_option_index(str(self.current_group))
            except LookupError:
                pass
            else:
                return
        first = next(
            (k for k in range(facts.option_count) if not facts.get_option_at_index(k).disabled),
            None,
        )
        facts.highlighted = first

    @on(OptionList.OptionSelected, "#overview-facts")
    def jump(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a fact: back to the reader, on that fact."""
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_jump(self) -> None:
        """Go to the highlighted fact (Enter when the list does not have the focus)."""
        option = self.query_one(FactList).highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.dismiss(int(option.id))

    def action_close(self) -> None:
        self.dismiss(None)
