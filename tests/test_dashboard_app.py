"""AppTest tests of every dashboard page: on the bundled sample (analysed once per session) and tiny corpora."""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from dashboard_fixtures import write_results_folder
from streamlit.elements.lib import policies
from streamlit.testing.v1 import AppTest

from analysis.pipeline import Settings
from analysis.store import load_results
from dashboard import corpus
from dashboard.highlight import escape_markdown
from dashboard.view import CORPUS_KEY

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
PAGES = ("overview", "actors", "sentiment", "stance", "quotes", "network", "articles", "data")
# Pages that must show a chart, with the column the sample needs for it (the analysis may not fill every stage).
CHART_PAGES = {"overview": ("articles", "article_id"), "actors": ("mentions", "actor_id"),
               "sentiment": ("mentions", "polarity"), "stance": ("stances", "stance"),
               "quotes": ("quotes", "speaker_id"), "network": ("mentions", "actor_id")}
NO_MATCH = "zz-no-article-says-this-zz"
XSS_ARTICLE = """# Breaking <script>alert(1)</script> news

By [Meridian Wire](#)

February 21, 2022

Vladimir Putin said on Monday that talks would continue.

Joe Biden warned of sanctions.

Original url:

<https://www.meridianwire.example/2022/02/21/breaking-news>
"""


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the dashboard's on-disk cache at a temporary folder and analyse the sample there once."""
    folder = tmp_path_factory.mktemp("actorlens-cache")
    previous = os.environ.get(corpus.CACHE_ENV)
    os.environ[corpus.CACHE_ENV] = str(folder)
    choice = corpus.make_sample_choice()
    corpus.analyse_corpus(choice, content_hash=corpus.hash_corpus(choice))
    yield folder
    if previous is None:
        os.environ.pop(corpus.CACHE_ENV, None)
    else:
        os.environ[corpus.CACHE_ENV] = previous


@pytest.fixture(scope="module")
def sample(cache_dir: Path):
    """The analysed sample's Results, to compute expected values."""
    choice = corpus.make_sample_choice()
    return load_results(corpus.locate_results(choice, content_hash=corpus.hash_corpus(choice)))


def open_page(page: str, *, query: dict | None = None, choice: corpus.CorpusChoice | None = None) -> AppTest:
    """Return an AppTest that has rendered one page (with URL query parameters and a corpus choice if given)."""
    app = AppTest.from_file(str(APP), default_timeout=60)
    if choice is not None:
        app.session_state[CORPUS_KEY] = choice
    app.query_params.update(query or {})  # as if the address was pasted: bound widgets start from it
    app.run()
    app.switch_page(f"dashboard/pages/{page}.py")
    return app.run()


def chart_specs(app: AppTest) -> list[dict]:
    """Return the Plotly figure of every chart on the page."""
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def decode_numbers(values: list | dict) -> list[float]:
    """Return a trace's numbers as a list: Plotly writes numeric arrays as base64 ({"dtype", "bdata"})."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return [float("nan") if value is None else value for value in values]


def infos(app: AppTest) -> list[str]:
    """Return the text of every info message on the page."""
    return [info.value for info in app.info]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_sample(sample, page: str) -> None:
    app = open_page(page)
    assert not app.exception, app.exception[0].value if app.exception else ""
    assert not app.error
    assert [title.value for title in app.title] == [page.capitalize()]
    table, column = CHART_PAGES.get(page, ("", ""))
    if table and getattr(sample, table)[column].notna().any():
        assert chart_specs(app), f"{page} shows no chart"


def test_sentiment_page_says_how_sentiment_toward_an_actor_is_scored(sample) -> None:
    captions = [caption.value for caption in open_page("sentiment").caption]
    assert any("moved by 0.5 where the actor is accused, criticised or praised" in text for text in captions), captions


@pytest.mark.parametrize("page", PAGES)
def test_an_empty_selection_explains_itself(cache_dir: Path, page: str) -> None:
    app = open_page(page, query={"flt_search": NO_MATCH})
    assert not app.exception
    if page != "data":  # "no ... in this selection", or "no ... in this corpus" when the analysis found none
        assert any(" no " in f" {text.lower()}" for text in infos(app)), infos(app)


def test_one_actor_leaves_only_that_actors_rows(cache_dir: Path, sample) -> None:
    top_id, top_name = sample.mentions.groupby(["actor_id", "actor"]).size().idxmax()
    app = open_page("actors")
    app.multiselect(key="flt_actors").set_value([top_id]).run()
    frequencies, over_time = chart_specs(app)[:2]
    assert list(frequencies["data"][0]["y"]) == [top_name]
    assert [trace["name"] for trace in over_time["data"]] == [top_name]
    # URL updates of bound widgets are written by the browser; tests/test_browser.py checks that direction.


def test_the_url_reproduces_the_view(cache_dir: Path, sample) -> None:
    outlet = sorted(sample.articles["source"].unique())[0]
    app = open_page("overview", query={"flt_outlets": outlet, "flt_grain": "M"})
    assert app.multiselect(key="flt_outlets").value == [outlet]
    (per_day, _) = chart_specs(app)
    assert {trace["name"] for trace in per_day["data"]} == {outlet}
    expected = ((sample.articles["source"] == outlet) & (sample.articles["duplicate_of"] == "")).sum()
    assert app.metric[0].value == f"{expected:,}"


def test_near_duplicates_are_excluded_by_default(cache_dir: Path, sample) -> None:
    originals = int((sample.articles["duplicate_of"] == "").sum())
    assert open_page("overview").metric[0].value == f"{originals:,}"
    assert open_page("overview", query={"flt_dupes": "true"}).metric[0].value == f"{len(sample.articles):,}"


def test_registry_only_leaves_out_the_names_found_outside_the_registry(cache_dir: Path, sample) -> None:
    originals = set(sample.articles.loc[sample.articles["duplicate_of"] == "", "article_id"])
    quotes = sample.quotes[sample.quotes["article_id"].isin(originals)]
    outside = quotes["speaker_id"].str.startswith("unregistered:")
    assert outside.sum() > 0  # the sample's quotes include speakers outside the registry
    everyone, registry = open_page("overview"), open_page("overview", query={"flt_registry": "true"})
    assert app_metric(everyone, "Quotes") == f"{len(quotes):,}"
    assert app_metric(registry, "Quotes") == f"{int((~outside).sum()):,}"
    mentions = sample.mentions[sample.mentions["article_id"].isin(originals)]
    inside = int(mentions.loc[mentions["registered"], "actor_id"].nunique())
    outside_names = int(mentions.loc[~mentions["registered"], "actor_id"].nunique())
    assert app_metric(everyone, "Actors named") == f"{inside + outside_names:,}"
    assert app_metric(registry, "Actors named") == f"{inside:,}"
    assert [metric.proto.help for metric in everyone.metric if metric.label == "Actors named"] == [
        f"Distinct actors mentioned in the selection, as the other pages count them: {inside:,} of the registry and "
        f"{outside_names:,} names found outside it."]
    assert any(caption.value.startswith(f"Actors named: {inside:,} of the registry and {outside_names:,} names ")
               for caption in everyone.caption)
    assert not any("outside it" in caption.value for caption in registry.caption)


def app_metric(app: AppTest, label: str) -> str:
    """The value of the metric with this label."""
    return next(metric.value for metric in app.metric if metric.label == label)


def test_xss_article_renders_as_text(cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xss"
    folder.mkdir()
    (folder / "2022-02-21_meridianwire_breaking.md").write_text(XSS_ARTICLE, encoding="utf-8")
    choice = corpus.CorpusChoice(kind="upload", location=str(folder), label="XSS test")
    app = open_page("articles", choice=choice)
    assert not app.exception
    body = app.get("html")[0].value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>" not in body
    assert "<mark" in body  # mentions are still highlighted
    assert "\\<script\\>" in app.subheader[0].value  # the heading shows the tag as text


def test_fixture_results_folder_on_every_page(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    for page in PAGES:
        app = open_page(page, choice=choice)
        assert not app.exception, (page, app.exception[0].value if app.exception else "")


def test_a_corpus_from_twenty_years_ago_can_be_narrowed_by_date(tmp_path: Path) -> None:
    # Streamlit's own date bounds stop ten years before today; the corpus's span must replace them.
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results", years_earlier=20),
                                 label="Fixture")
    app = open_page("overview", choice=choice, query={"flt_dates": ["2002-02-21", "2002-02-22"]})
    assert not app.exception, app.exception[0].value if app.exception else ""
    assert app.date_input(key="flt_dates").value == (dt.date(2002, 2, 21), dt.date(2002, 2, 22))
    assert app.metric[0].value == "2"  # a1 and a2 (a3 is a1's wire copy, a4 is in March, a5 undated)


def test_stance_evidence_lists_only_the_chosen_cell(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("stance", choice=choice)
    grid = chart_specs(app)[0]["data"][0]
    assert grid["marker"]["symbol"] == "square"
    app.selectbox(key="stc_cell").set_value("Volodymyr Zelensky → recognition of DPR/LPR").run()
    evidence = app.dataframe[0].value
    assert list(evidence["evidence"]) == ["Volodymyr Zelensky condemned Russia."]
    assert list(evidence["stance"]) == ["oppose"]


def test_stance_evidence_filters_by_stance_names_speakers_and_escapes(tmp_path: Path) -> None:
    # a quote holding a tag, on a cell with a neutral statement too: the tag shows as text, the speaker is named
    script_quote = ("a4", 2, "volodymyr_zelensky", "diplomacy", "support")
    quiet = ("a2", 1, "volodymyr_zelensky", "diplomacy", "neutral")
    folder = write_results_folder(tmp_path / "results", extra_stances=(script_quote, quiet))
    app = open_page("stance", choice=corpus.CorpusChoice(kind="results", location=folder, label="Fixture"))
    app.selectbox(key="stc_cell").set_value("Volodymyr Zelensky → diplomacy").run()
    evidence = app.dataframe[0].value
    assert list(evidence["stance"]) == ["support", "neutral"]
    assert list(evidence["speaker"]) == ["Volodymyr Zelensky", ""]
    body = next(html.value for html in app.get("html") if "al-evidence" in html.value)
    assert '<span class="al-speaker">Volodymyr Zelensky:</span>' in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>" not in body
    app.segmented_control(key="stc_stances").set_value(["neutral"]).run()
    assert list(app.dataframe[0].value["evidence"]) == ["Volodymyr Zelensky condemned Russia."]
    app.segmented_control(key="stc_stances").set_value([]).run()
    assert not app.exception and "No statement of the stances chosen" in infos(app)[0]


def test_stance_over_time_draws_each_chosen_actor_apart(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("stance", choice=choice)
    everyone = chart_specs(app)[-1]
    assert [trace["name"] for trace in everyone["data"] if trace.get("showlegend") is not False] == [
        "diplomacy", "recognition of DPR/LPR", "sanctions on Russia"]
    app.multiselect(key="flt_actors").set_value(["vladimir_putin", "volodymyr_zelensky"]).run()
    chosen = chart_specs(app)[-1]
    lines = [(trace["name"], [y for y in decode_numbers(trace["y"]) if not math.isnan(y)]) for trace in chosen["data"]
             if trace.get("showlegend") is not False]
    assert lines == [("Vladimir Putin", [1.0]), ("Volodymyr Zelensky", [-1.0])]
    assert any(caption.value.startswith("Net stance of each chosen actor, one panel per target")
               for caption in app.caption)


def test_sentiment_over_time_marks_the_partial_last_week_and_hides_few_whiskers(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("sentiment", choice=choice)
    over_time = next(spec for spec in chart_specs(app) if spec["layout"]["yaxis"].get("title", {}).get("text")
                     == "Mean polarity")
    # the corpus runs from Monday 21 February to Tuesday 1 March: the week of 28 February is partial
    notes = {point[1] for trace in over_time["data"] for point in trace["customdata"]}
    assert notes == {"", "<br>partial week: 2 of 7 days (28 Feb – 01 Mar 2022)"}
    assert all(math.isnan(value) for trace in over_time["data"] for value in decode_numbers(trace["error_y"]["array"]))
    assert app.toggle(key="sen_few_intervals").value is False


def test_an_address_with_dates_outside_the_corpus_says_they_were_not_applied(cache_dir: Path, sample) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update({"flt_dates": ["1990-01-01", "1990-02-01"]})  # the address as pasted: first run only
    app.run()
    originals = int((sample.articles["duplicate_of"] == "").sum())
    assert app.metric[0].value == f"{originals:,}"
    first, last = (sample.articles["published"].min().date(), sample.articles["published"].max().date())
    assert [warning.value for warning in app.sidebar.warning] == [
        f"The address asks for the dates 1990-01-01 to 1990-02-01, outside this corpus ({first} to {last}): "
        "all dates are shown."]


def test_overview_counts_articles_per_period_of_the_granularity(cache_dir: Path) -> None:
    app = open_page("overview")
    app.segmented_control(key="flt_grain").set_value("M").run()
    assert app.subheader[0].value == "Articles per month by outlet"
    per_month = chart_specs(app)[0]
    periods = {value[:10] for trace in per_month["data"] for value in trace["x"]}
    assert sorted(periods) == ["2022-01-01", "2022-02-01", "2022-03-01"]


def test_a_corpus_without_dates_says_so_instead_of_asking_to_widen_the_dates(cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "talks.txt").write_text("Talks resume\n\nVladimir Putin said talks would resume.\n", encoding="utf-8")
    app = open_page("overview", choice=corpus.CorpusChoice(kind="upload", location=str(folder), label="Undated"))
    assert [info.value for info in app.info] == [
        "None of the 1 articles of this selection has a publication date, so there is nothing to draw over time. "
        "The Articles page lists them."]


def grid_actors(app: AppTest) -> list[str]:
    """Return the actor of every cell of the stance grid (the page's first chart), sorted: the cells are split
    into traces by how they are coloured."""
    return sorted(actor for trace in chart_specs(app)[0]["data"] for actor in trace["y"])


def test_stance_actor_count_follows_the_filters_until_the_reader_sets_it(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("stance", choice=choice)
    app.multiselect(key="flt_actors").set_value(["joe_biden"]).run()
    assert app.slider(key="stc_limit").value == 1
    app.multiselect(key="flt_actors").set_value(["joe_biden", "vladimir_putin"]).run()
    assert app.slider(key="stc_limit").value == 2  # the slider stayed at 1 here and hid Putin
    assert grid_actors(app) == ["Joe Biden", "Joe Biden", "Vladimir Putin"]
    app.multiselect(key="flt_actors").set_value([]).run()  # four actors with stances now
    assert app.slider(key="stc_limit").value == 4
    assert grid_actors(app) == ["Joe Biden", "Joe Biden", "Russia", "Vladimir Putin", "Volodymyr Zelensky"]
    app.slider(key="stc_limit").set_value(2).run()  # the reader's own choice stays while the filters change
    app.multiselect(key="flt_actors").set_value(["joe_biden"]).run()
    assert app.slider(key="stc_limit").value == 1
    app.multiselect(key="flt_actors").set_value([]).run()
    assert app.slider(key="stc_limit").value == 2


def test_quote_search_narrows_the_table(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("quotes", choice=choice)
    assert len(app.dataframe[0].value) == 4
    app.text_input(key="quo_search").set_value("diplomacy").run()
    assert list(app.dataframe[0].value["speaker"]) == ["Joe Biden"]
    # a user's review: the chart of who is quoted ignored the search box
    (chart,) = chart_specs(app)
    assert [(trace["y"], decode_numbers(trace["x"])) for trace in chart["data"]] == [(["Joe Biden"], [1])]
    app.text_input(key="quo_search").set_value("")
    app.multiselect(key="quo_kinds").set_value(["indirect"]).run()
    assert sorted(y for trace in chart_specs(app)[0]["data"] for y in trace["y"]) == ["Joe Biden", "Russia"]
    assert list(app.dataframe[0].value["cue"]) == ["said", "said"]
    app.multiselect(key="quo_kinds").set_value([]).run()
    app.text_input(key="quo_search").set_value("zzzqqq").run()
    assert [info.value for info in app.info] == [
        "None of the 4 quotes of this selection match the search words above. Change or clear the search words."
    ]


def test_data_page_lists_skipped_rows(tmp_path: Path) -> None:
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("data", choice=choice)
    problems = app.dataframe[0].value
    assert problems.to_dict("records") == [{"file": "bad.csv", "location": "row 3", "reason": "empty text - skipped"}]
    assert app.warning[0].value == "1 file(s) or row(s) skipped, each listed here:"


def test_registry_edit_adds_an_alias_and_reanalyses(cache_dir: Path, tmp_path: Path) -> None:
    app = open_tiny_upload(tmp_path, XSS_ARTICLE.replace("Joe Biden warned", "POTUS-in-chief warned"))
    assert "Joe Biden" not in list(load_results(Path(app_results_dir(app))).mentions["actor"])
    app.selectbox(key="dat_alias_actor").set_value("joe_biden")
    app.text_input(key="dat_alias_text").set_value("POTUS-in-chief")
    app.button[-2].click().run()  # "Add alias and re-run" (the last button is the form's "Add actor")
    assert not app.exception
    assert app.session_state[CORPUS_KEY].label == "Tiny (edited registry)"
    assert "Joe Biden" in list(load_results(Path(app_results_dir(app))).mentions["actor"])


def test_own_stance_targets_are_checked_then_used_and_named_in_the_address(cache_dir: Path, tmp_path: Path) -> None:
    app = open_tiny_upload(tmp_path, XSS_ARTICLE)
    assert set(load_results(Path(app_results_dir(app))).stances["target_id"]) <= {
        "recognition", "escalation", "sanctions", "diplomacy", "nato_enlargement", "minsk"}
    bad = b"targets:\n  - id: talks\n    keyword: [talks]\n"
    use_rule_upload(app, "targets", "mine.yaml", bad)
    assert [error.value for error in app.error] == [
        "These targets cannot be used: mine.yaml, target 1 (talks): unknown field 'keyword' (the fields are: id, "
        "label, description, keywords, patterns, inverse, exclude, loose_keywords, one_way_inverse, acts, "
        "sentiment_stance)"]
    assert app.session_state[CORPUS_KEY].label == "Tiny"
    good = b"targets:\n  - id: talks\n    label: Peace talks\n    keywords: [talks]\n"
    use_rule_upload(app, "targets", "mine.yaml", good)
    assert not app.exception
    choice = app.session_state[CORPUS_KEY]
    assert choice.label == "Tiny (own stance targets)"
    assert Path(choice.targets_path).read_bytes() == good
    stances = load_results(Path(app_results_dir(app))).stances
    assert list(zip(stances["actor_id"], stances["target"], strict=True)) == [("vladimir_putin", "Peace talks")]
    assert corpus.encode_choice(choice)["targets"] == Path(choice.targets_path).name
    assert any(caption.value.startswith("Your own targets file is in use, with 1 target(s): Peace talks.")
               for caption in app.caption)
    app.button(key="dat_targets_default").click().run()
    assert app.session_state[CORPUS_KEY].label == "Tiny"


def test_own_registry_is_checked_then_used(cache_dir: Path, tmp_path: Path) -> None:
    app = open_tiny_upload(tmp_path, XSS_ARTICLE)
    bad = b"actors:\n  - id: joe_biden\n    name: Joe Biden\n    type: person\n    alias: [POTUS]\n"
    use_rule_upload(app, "registry", "us.yaml", bad)
    assert [error.value for error in app.error] == [
        "This registry cannot be used: us.yaml, actor 1 (joe_biden): unknown field 'alias' (the fields are: id, "
        "name, type, gender, country, affiliation, aliases, short_names, titles, metonyms)"]
    good = b"actors:\n  - id: joe_biden\n    name: Joe Biden\n    type: person\n    gender: male\n"
    use_rule_upload(app, "registry", "us.yaml", good)
    assert not app.exception
    choice = app.session_state[CORPUS_KEY]
    assert choice.label == "Tiny (edited registry)"
    assert Path(choice.actors_path).read_bytes() == good
    mentions = load_results(Path(app_results_dir(app))).mentions
    assert sorted(set(mentions.loc[mentions["registered"], "actor_id"])) == ["joe_biden"]  # Putin is not in it
    assert corpus.encode_choice(choice)["registry"] == Path(choice.actors_path).name  # a copied address finds it


def test_an_address_names_own_targets_kept_on_the_server(cache_dir: Path) -> None:
    kept = corpus.find_cache_root() / "targets" / "targets_0123456789abcdef.yaml"
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text("targets:\n  - id: talks\n    keywords: [talks]\n", encoding="utf-8")
    choice, problem = corpus.decode_choice({"targets": kept.name})
    assert (choice, problem) == (corpus.CorpusChoice(kind="sample", location=str(corpus.SAMPLE_DIR),
                                                     label="Bundled sample (own stance targets)",
                                                     targets_path=str(kept)), "")
    assert corpus.decode_choice({"targets": "targets_ffffffffffffffff.yaml"}) == (
        None, "the stance targets file 'targets_ffffffffffffffff.yaml' is not kept on this server")
    assert corpus.decode_choice({"targets": "../../etc/passwd"})[0] is None


def open_tiny_upload(tmp_path: Path, article: str) -> AppTest:
    """Return the Data page of an uploaded corpus of one article, labelled "Tiny"."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2022-02-21_meridianwire_breaking.md").write_text(article, encoding="utf-8")
    return open_page("data", choice=corpus.CorpusChoice(kind="upload", location=str(folder), label="Tiny"))


def use_rule_upload(app: AppTest, kind: str, name: str, content: bytes) -> None:
    """Upload a rule file ("targets" or "registry") on the Data page and press its button to use it."""
    app.file_uploader(key=f"dat_{kind}_file").upload(name, content, "application/yaml").run()
    app.button(key=f"dat_{kind}_use").click().run()


def app_results_dir(app: AppTest) -> str:
    """Return the results folder of the corpus an AppTest is showing."""
    choice = app.session_state[CORPUS_KEY] if CORPUS_KEY in app.session_state else corpus.make_sample_choice()
    return str(corpus.locate_results(choice, content_hash=corpus.hash_corpus(choice)))


def test_upload_a_table_with_column_mapping(cache_dir: Path) -> None:
    table = ("headline,body,day,outlet\n"
             "Putin speaks,Vladimir Putin said talks would continue.,2022-02-21,Meridian Wire\n"
             "Biden warns,Joe Biden warned of sanctions.,2022-02-22,Capital Dispatch\n"
             "Empty one,,2022-02-23,Atlas Live\n")
    app = open_page("data")
    app.radio(key="dat_source").set_value("upload").run()
    app.file_uploader(key="dat_files").upload("articles.csv", table.encode(), "text/csv").run()
    assert list(app.dataframe[0].value.columns) == ["headline", "body", "day", "outlet"]  # the preview
    for field, column in {"title": "headline", "text": "body", "date": "day", "source": "outlet"}.items():
        app.selectbox(key=f"dat_map_{field}").set_value(column)
    app.button(key="dat_analyse_upload").click().run()
    assert not app.exception
    assert app.session_state[CORPUS_KEY].kind == "upload"
    assert app.session_state[CORPUS_KEY].column_map == (("title", "headline"), ("text", "body"), ("date", "day"),
                                                        ("source", "outlet"))
    app.switch_page("dashboard/pages/overview.py").run()
    assert app.metric[0].value == "2"
    app.switch_page("dashboard/pages/data.py").run()
    assert app.warning[0].value == "1 file(s) or row(s) skipped, each listed here:"
    skipped = next(frame.value for frame in app.dataframe if "location" in frame.value.columns)
    assert list(skipped["location"]) == ["row 3"]
    # a user's review: the file column showed the cache folder's long path, which hid the file's own name
    assert list(skipped["file"]) == ["articles.csv"]


def test_a_copied_address_opens_the_same_results_folder(cache_dir: Path, tmp_path: Path) -> None:
    folder = write_results_folder(tmp_path / "results")
    app = open_page("quotes", query={"corpus": f"results:{folder}", "flt_actors": "Joe Biden"})
    assert app.session_state[CORPUS_KEY] == corpus.CorpusChoice(kind="results", location=folder,
                                                                 label=f"Results: {folder}")
    assert f"Corpus: Results: {folder} · 2 of 5 articles" in [caption.value for caption in app.sidebar.caption]
    assert list(app.dataframe[0].value["speaker"]) == ["Joe Biden", "Joe Biden"]
    # a page switch keeps only the widgets' parameters: the corpus is named in the address again
    app.query_params.pop("corpus", None)
    app.switch_page("dashboard/pages/overview.py").run()
    assert app.query_params.get("corpus") in ([f"results:{folder}"], f"results:{folder}")


def test_an_address_naming_a_corpus_the_server_lacks_says_so(cache_dir: Path, tmp_path: Path) -> None:
    app = open_page("overview", query={"corpus": f"results:{tmp_path / 'gone'}"})
    assert [warning.value for warning in app.sidebar.warning] == [
        f"The address you opened names a corpus this server cannot open: {tmp_path / 'gone'} is not a folder. "
        "The bundled sample is shown instead, and that address's filters may not apply."
    ]
    assert app.session_state[CORPUS_KEY] == corpus.make_sample_choice()


def test_switching_corpus_names_it_in_the_address_and_clears_the_filters(cache_dir: Path, tmp_path: Path) -> None:
    folder = write_results_folder(tmp_path / "results")
    app = open_page("data", query={"flt_actors": "Vladimir Putin", "flt_search": "talks",
                                   "flt_dates": ["2022-01-20", "2022-02-20"]})
    app.radio(key="dat_source").set_value("results").run()
    app.text_input(key="dat_results_path").set_value(folder).run()
    app.button(key="dat_open_results").click().run()
    assert app.query_params.get("corpus") in ([f"results:{folder}"], f"results:{folder}")
    assert not [key for key in app.query_params if key.startswith("flt_")]
    assert not app.sidebar.warning  # the cleared dates are no address asking for dates outside the corpus
    assert app.session_state[CORPUS_KEY].location == folder
    app.radio(key="dat_source").set_value("sample").run()
    app.button(key="dat_use_sample").click().run()
    assert "corpus" not in app.query_params


def test_switching_corpus_logs_no_widget_warning(
    cache_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Streamlit logs its warning about a widget set through session_state once per process: let it log again
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    folder = write_results_folder(tmp_path / "results")
    app = open_page("data", query={"flt_dates": ["2022-01-20", "2022-02-20"], "flt_min": "2"})
    app.radio(key="dat_source").set_value("results").run()
    app.text_input(key="dat_results_path").set_value(folder).run()
    with caplog.at_level("WARNING"):
        app.button(key="dat_open_results").click().run()
    assert app.session_state["flt_min"] == 1
    assert not [record.getMessage() for record in caplog.records if "Session State API" in record.getMessage()]


def test_data_page_starts_from_the_active_corpus(cache_dir: Path, tmp_path: Path) -> None:
    folder = write_results_folder(tmp_path / "results")
    choice = corpus.CorpusChoice(kind="results", location=folder, label=f"Results: {folder}")
    app = open_page("data", choice=choice)
    assert app.radio(key="dat_source").value == "results"
    assert app.text_input(key="dat_results_path").value == folder


def test_sentiment_evidence_lists_the_scored_sentences_of_the_chosen_actor(tmp_path: Path) -> None:
    # a user's review: the Sentiment page had no way from a mean to the sentences behind it
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("sentiment", choice=choice)
    app.selectbox(key="sen_evidence_actor").set_value("volodymyr_zelensky").run()
    evidence = app.dataframe[0].value
    assert list(evidence["sentence"]) == ['"This is a <script>alert(1)</script> moment," Zelensky said.',
                                          "Volodymyr Zelensky condemned Russia.", "Zelensky asked Biden for help."]
    assert list(evidence["polarity"]) == [0.6, -0.4, 0.0]
    assert "3 scored mentions of Volodymyr Zelensky, mean +0.07, as in the charts." in [
        caption.value.split(" Each")[0] for caption in app.caption]
    # a review: the outlet grid's cells led to no sentences; an outlet (a cell's click sets it) keeps its own
    assert app.selectbox(key="sen_evidence_outlet").options == [
        "All outlets", "Atlas Live", "Eastern Frontier Daily", "Meridian Wire", "The Volga Observer"]
    app.selectbox(key="sen_evidence_outlet").set_value("The Volga Observer").run()
    assert list(app.dataframe[0].value["sentence"]) == ["Volodymyr Zelensky condemned Russia."]
    assert "1 scored mentions of Volodymyr Zelensky in The Volga Observer, mean -0.40, as in the charts." in [
        caption.value.split(" Each")[0] for caption in app.caption]
    app.selectbox(key="sen_evidence_outlet").set_value("Atlas Live").run()
    assert infos(app) == ["Volodymyr Zelensky has no scored mentions in Atlas Live in this selection."]
    app.selectbox(key="sen_evidence_outlet").set_value("").run()
    app.radio(key="sen_evidence_measure").set_value("own quotes").run()
    assert list(app.dataframe[0].value["quote"]) == ["This is a <script>alert(1)</script> moment,"]
    body = next(html.value for html in app.get("html") if "al-polarity" in html.value)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>" not in body
    assert '<mark title="Volodymyr Zelensky">Zelensky</mark> said.' in body
    download = app.get("download_button")
    assert [button.proto.label for button in download if "list" in button.proto.label] == [
        "Download this list (CSV)"]
    app.radio(key="sen_evidence_measure").set_value("toward actor")
    app.selectbox(key="sen_evidence_order").set_value("negative").run()
    assert list(app.dataframe[0].value["polarity"]) == [-0.4, 0.0, 0.6]


REGISTRY_YAML = ("actors:\n  - id: joe_biden\n    name: Joe Biden\n    type: person\n    gender: male\n"
                 "    aliases: [POTUS, President Biden]\n  - id: russia\n    name: Russia\n    type: country\n"
                 "    metonyms: [Moscow]\n")
TARGETS_YAML = "targets:\n  - id: talks\n    label: Peace talks\n    keywords: [talks, negotiations]\n"


def test_data_page_shows_the_rule_files_a_results_folder_was_built_with(tmp_path: Path) -> None:
    # a user's review: a results folder from the CLI did not say which registry and targets made it
    registry, targets = tmp_path / "my_actors.yaml", tmp_path / "my_targets.yaml"
    registry.write_text(REGISTRY_YAML, encoding="utf-8")
    targets.write_text(TARGETS_YAML, encoding="utf-8")
    fingerprint = Settings(actors_path=registry, targets_path=targets).fingerprint()
    folder = write_results_folder(tmp_path / "results", fingerprint=fingerprint,
                                  settings={"actors_path": str(registry), "targets_path": str(targets)})
    app = open_page("data", choice=corpus.CorpusChoice(kind="results", location=folder, label="Fixture"))
    tables = {tuple(frame.value.columns): frame.value.values.tolist() for frame in app.dataframe}
    assert tables[("id", "name", "type", "aliases", "metonyms")] == [
        ["joe_biden", "Joe Biden", "person", "POTUS; President Biden", ""],
        ["russia", "Russia", "country", "", "Moscow"]]
    assert tables[("id", "label", "keywords")] == [["talks", "Peace talks", "talks; negotiations"]]
    captions = [caption.value for caption in app.caption]
    assert f"Built with {registry} (2 actors), shown read-only; re-run the CLI with --actors FILE to change it." in [
        caption.replace("\\", "") for caption in captions]
    assert [button.proto.label for button in app.get("download_button") if "this" in button.proto.label] == [
        "Download this actor registry (YAML)", "Download this stance targets file (YAML)"]
    assert not app.warning[1:]  # the skipped row's banner only: the files are those of the run
    registry.write_text(REGISTRY_YAML.replace("POTUS, ", ""), encoding="utf-8")
    app = open_page("data", choice=corpus.CorpusChoice(kind="results", location=folder, label="Fixture"))
    assert app.warning[1].value == ("The rule files or versions changed since this run, so this file may not be "
                                    "what the results were built with.")


def test_data_page_says_when_a_results_folders_rule_files_are_not_available(tmp_path: Path) -> None:
    gone = tmp_path / "gone.yaml"
    folder = write_results_folder(tmp_path / "results", settings={"actors_path": str(gone)})
    app = open_page("data", choice=corpus.CorpusChoice(kind="results", location=folder, label="Fixture"))
    # the path is shown as written, its markdown characters escaped
    shown = escape_markdown(str(gone))
    assert app.warning[1].value == (f"This results folder was built with the actor registry {shown}, which is not on "
                                    "this server (moved or deleted), so it cannot be shown.")
    assert "The manifest of this results folder does not name its stance targets file, so it cannot be shown." in infos(
        app)


def test_quotes_without_a_speaker_are_a_note_not_the_charts_first_bar(cache_dir: Path, sample) -> None:
    originals = set(sample.articles.loc[sample.articles["duplicate_of"] == "", "article_id"])
    quotes = sample.quotes[sample.quotes["article_id"].isin(originals)]
    unattributed = int((quotes["speaker"] == "").sum())
    assert unattributed > 0  # the sample has quotes whose speaker was not found
    app = open_page("quotes")
    speakers = {y for trace in chart_specs(app)[0]["data"] for y in trace["y"]}
    assert "(unattributed)" not in speakers
    assert (f"{unattributed:,} of the {len(quotes):,} quotes have no speaker the analysis could find; they are left "
            "out of the chart and listed as (unattributed) in the table.") in [caption.value for caption in app.caption]
    assert (app.dataframe[0].value["speaker"] == "(unattributed)").sum() == unattributed


def test_article_tables_show_readable_headers_over_the_schemas_names(tmp_path: Path) -> None:
    # a user's review: the Articles page's tables were headed sentence_id, actor_id, …
    choice = corpus.CorpusChoice(kind="results", location=write_results_folder(tmp_path / "results"),
                                 label="Fixture")
    app = open_page("articles", choice=choice, query={"art_article": "a1"})
    mentions, quotes = app.dataframe[0], app.dataframe[1]
    assert list(mentions.value.columns[:4]) == ["sentence_id", "actor_id", "actor", "actor_type"]  # data as stored
    headers = {column: config["label"] for column, config in json.loads(mentions.proto.columns).items()
               if "label" in config}
    assert [headers[column] for column in mentions.value.columns] == [
        "Sentence no.", "Actor id", "Actor", "Actor type", "As written", "Start", "End", "Found by", "In registry",
        "Polarity", "Subjectivity"]
    assert json.loads(quotes.proto.columns)["text"]["label"] == "Quote"
