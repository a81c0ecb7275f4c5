"""Issue 19 in the reader: web addresses load in the worker, with progress on the top line,
and the panes are titled with outlet and date."""

from __future__ import annotations

from alignment import AlignConfig
from tui.app import ParallaxApp
from tui.messages import AlignmentProgress, AlignmentReady
from tui.widgets.source_pane import SourcePane

from .test_app import SIZE, settle

PAGES = ("/courier/flood", "/ledger/flood", "/gazette/flood")


async def test_addresses_open_in_the_reader_titled_with_outlet_and_date(web_site):
    seen: list[object] = []
    app = ParallaxApp(
        paths=[web_site.url(p) for p in PAGES],
        config=AlignConfig(semantic="off", fetch_timeout=5),
        refresh=True,
    )
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        fetching = [m for m in seen if isinstance(m, AlignmentProgress) and m.stage == "fetching"]
        assert fetching, "the top line was told about the fetching"
        assert fetching[-1].fraction == 1.0
        ready = [m for m in seen if isinstance(m, AlignmentReady)]
        assert ready[0].warnings == ()
        titles = [str(p.border_title) for p in app.screen.query(SourcePane)]
        assert titles[0].startswith("127.0.0.1 · Riverside Courier · 12 Mar 2024")
        assert titles[1].startswith("127.0.0.1~2 · Millbrook Ledger · 13 Mar 2024")


async def test_a_bad_address_is_a_warning_and_the_story_opens(web_site):
    seen: list[object] = []
    bad = web_site.url("/missing")
    app = ParallaxApp(
        paths=[web_site.url(PAGES[0]), bad, web_site.url(PAGES[1])],
        config=AlignConfig(semantic="off", fetch_timeout=5),
    )
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        ready = next(m for m in seen if isinstance(m, AlignmentReady))
        assert ready.warnings == (f"{bad}: the server answered 404 Not Found",)
        assert ready.alignment is not None
        assert len(ready.alignment.documents) == 2
