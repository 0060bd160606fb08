"""Pilot tests of the jump-to-topic pane and the command-palette topics provider."""
from __future__ import annotations

from textual.app import App, ComposeResult
from textual.command import Hit

from tui_reader.app.messages import JumpTo
from tui_reader.app.screens.palette import TopicsProvider
from tui_reader.app.widgets.topic_pane import TopicPane
from tui_reader.model import Document, Entity, Span, Topic


def make_doc() -> Document:
    text = ("Переговоры\n\nДмитрий Песков заявил, что Москва готова. Песков добавил: «Ждём».\n\n"
            "Экономика\n\nВ Москве растут цены. Мэрия Москвы молчит. Общее пространство обсуждали.\n")

    def spans(word: str) -> list[Span]:
        out, at = [], text.find(word)
        while at != -1:
            out.append(Span(at, at + len(word)))
            at = text.find(word, at + 1)
        return out

    moscow = spans("Москв")
    doc = Document(text=text)
    doc.topics = [
        Topic("Переговоры", "section", spans("Переговоры")),
        Topic("Экономика", "section", spans("Экономика")),
        Topic("Дмитрий Песков", "speaker", spans("Песков")),
        Topic("Москва", "entity", moscow),
        Topic("общее пространство", "phrase", spans("Общее пространство")),
        Topic("пустая тема", "phrase", []),  # nothing to jump to: not listed
    ]
    doc.entities = [Entity(s.start, s.end, "LOC", "Москва") for s in moscow]
    return doc


DOC = make_doc()


class PaneApp(App[None]):
    COMMANDS = App.COMMANDS | {TopicsProvider}

    def __init__(self, doc: Document | None = DOC) -> None:
        super().__init__()
        self.doc = doc
        self.jumps: list[JumpTo] = []
        self.closed = 0

    def compose(self) -> ComposeResult:
        yield TopicPane(self.doc)

    def on_mount(self) -> None:
        self.query_one(TopicPane).open()

    def on_jump_to(self, message: JumpTo) -> None:
        self.jumps.append(message)

    def on_topic_pane_closed(self, _: TopicPane.Closed) -> None:
        self.closed += 1


def labels(pane: TopicPane) -> list[str]:
    """The listed topics' labels (group headers left out), in order."""
    options = pane.topic_list.options
    return [DOC.topics[int(o.id)].label for o in options if o.id is not None]


def occurrence_starts(label: str) -> list[int]:
    topic = next(t for t in DOC.topics if t.label == label)
    return [s.start for s in topic.occurrences]


async def test_lists_topics_grouped_with_counts():
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(TopicPane)
        await pilot.pause()
        assert labels(pane) == ["Переговоры", "Экономика", "Дмитрий Песков", "Москва", "общее пространство"]
        prompts = [str(o.prompt) for o in pane.topic_list.options]
        headers = [p for p, o in zip(prompts, pane.topic_list.options) if o.disabled]
        assert headers[0].startswith("Sections (2)")
        moscow = next(p for p in prompts if "Москва" in p)
        assert "×3" in moscow and "place" in moscow
        assert pane.topic_list.highlighted_option.id is not None  # a topic, not a header


async def test_typing_filters_fuzzily():
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(TopicPane)
        await pilot.press(*"пскв")
        await pilot.pause()
        assert labels(pane) == ["Дмитрий Песков"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"мск")
        await pilot.pause()
        assert labels(pane)[0] == "Москва"
        await pilot.press(*"щщщ")
        await pilot.pause()
        assert labels(pane) == []
        assert "no topic" in pane.status_text


async def test_enter_jumps_then_steps_through_occurrences():
    app = PaneApp()
    async with app.run_test() as pilot:
        await pilot.press(*"москва")
        await pilot.pause()
        starts = occurrence_starts("Москва")
        for _ in range(len(starts) + 1):
            await pilot.press("enter")
        await pilot.pause()
        assert [j.offset for j in app.jumps] == starts + starts[:1]  # wraps to the first
        assert all(j.record for j in app.jumps)
        assert app.jumps[0].end - app.jumps[0].offset == len("Москв")


async def test_another_topic_starts_at_its_first_occurrence():
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(TopicPane)
        await pilot.press(*"песков", "enter", "enter")
        await pilot.pause()
        pane.input.value = "москва"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        expected = occurrence_starts("Дмитрий Песков")[:2] + occurrence_starts("Москва")[:1]
        assert [j.offset for j in app.jumps] == expected
        assert "1/3" in pane.status_text


async def test_arrows_and_click_choose():
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(TopicPane)
        await pilot.press("down", "enter")  # from "Переговоры" down to "Экономика"
        await pilot.pause()
        assert app.jumps[-1].offset == occurrence_starts("Экономика")[0]
        index = next(i for i, o in enumerate(pane.topic_list.options) if o.id == "3")
        await pilot.click(pane.topic_list, offset=(3, index))  # one line per option here
        await pilot.pause()
        assert app.jumps[-1].offset == occurrence_starts("Москва")[0]


async def test_escape_closes():
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(TopicPane)
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.display
        assert app.closed == 1
        assert app.jumps == []


async def test_document_arrives_later():
    app = PaneApp(doc=None)
    async with app.run_test() as pilot:
        pane = app.query_one(TopicPane)
        await pilot.pause()
        assert labels(pane) == [] and "no topics yet" in pane.status_text
        pane.doc = DOC
        await pilot.pause()
        assert len(labels(pane)) == 5


async def test_provider_yields_hits_that_jump():
    app = PaneApp()
    async with app.run_test() as pilot:
        provider = TopicsProvider(app.screen)
        hits = [hit async for hit in provider.search("мсква")]
        assert hits and all(isinstance(h, Hit) for h in hits)
        assert hits[0].text == "Go to Москва"
        assert "3 occurrences" in (hits[0].help or "")
        discovered = [hit async for hit in provider.discover()]
        assert [h.text for h in discovered][:2] == ["Go to Переговоры", "Go to Экономика"]
        hits[0].command()
        hits[0].command()  # the same topic again: its next occurrence, as in the pane
        await pilot.pause()
        assert [j.offset for j in app.jumps] == occurrence_starts("Москва")[:2]


async def test_palette_goes_to_a_topic():
    app = PaneApp()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Экономика")
        await pilot.pause(0.3)  # the palette gathers hits in the background
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.jumps and app.jumps[-1].offset == occurrence_starts("Экономика")[0]


def test_snapshot(snap_compare):
    async def run_before(pilot) -> None:
        await pilot.press("down", "down", "enter")  # the speaker: its first occurrence
        await pilot.pause()

    assert snap_compare(PaneApp(), terminal_size=(60, 16), run_before=run_before)


class PaneLessApp(App[None]):
    """An app that offers the topics only in the palette (its document in ``doc``)."""

    COMMANDS = App.COMMANDS | {TopicsProvider}

    def __init__(self) -> None:
        super().__init__()
        self.doc = DOC
        self.jumps: list[JumpTo] = []

    def on_jump_to(self, message: JumpTo) -> None:
        self.jumps.append(message)


async def test_provider_without_a_pane_uses_the_apps_document():
    app = PaneLessApp()
    async with app.run_test() as pilot:
        hits = [hit async for hit in TopicsProvider(app.screen).search("эконом")]
        assert [h.text for h in hits] == ["Go to Экономика"]
        hits[0].command()
        await pilot.pause()
        assert [j.offset for j in app.jumps] == occurrence_starts("Экономика")[:1]
