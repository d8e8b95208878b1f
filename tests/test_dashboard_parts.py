"""Tests for the dashboard's pure helpers: article highlighting, exports, registry edits, uploads, the network."""

from __future__ import annotations

import io
import json
import zipfile

import networkx as nx
import numpy as np
import pandas as pd
import plotly.express as px
import pytest
from dashboard_fixtures import make_tables, write_results_folder

from analysis import summaries
from analysis.registry import parse_registry
from dashboard import cache, export, highlight, network, registry_edit, uploads


def test_highlight_escapes_everything_and_marks_spans() -> None:
    mentions = pd.DataFrame({"start": [0], "end": [5], "actor": ["Putin"]})
    quotes = pd.DataFrame({"start": [13], "end": [38], "speaker": ["Putin"]})
    text = "Putin said: \"<script>alert(1)</script>\"\n\nEnd & more"
    rendered = highlight.highlight_article(text, mentions, quotes)
    assert "<script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert '<mark title="Putin">Putin</mark>' in rendered
    assert '<span class="al-quote" title="quote: Putin">&lt;script&gt;alert(1)&lt;/script' in rendered
    assert "<br><br>End &amp; more" in rendered


def test_highlight_overlapping_spans_stay_well_formed() -> None:
    mentions = pd.DataFrame({"start": [2], "end": [6], "actor": ["A"]})
    quotes = pd.DataFrame({"start": [0], "end": [4], "speaker": [""]})
    rendered = highlight.highlight_article("abcdefgh", mentions, quotes)
    body = rendered.split('<div class="al-article">')[1]
    assert body == ('<span class="al-quote" title="quote: unattributed">ab</span>'
                    '<span class="al-quote" title="quote: unattributed"><mark title="A">cd</mark></span>'
                    '<mark title="A">ef</mark>gh</div>')


def test_highlight_escapes_attribute_values() -> None:
    mentions = pd.DataFrame({"start": [0], "end": [1], "actor": ['"><img src=x onerror=alert(1)>']})
    rendered = highlight.highlight_article("x", mentions, pd.DataFrame({"start": [], "end": [], "speaker": []}))
    assert "<img" not in rendered


def test_evidence_list_is_escaped_and_links_only_web_addresses() -> None:
    evidence = pd.DataFrame({"stance": ["oppose", "support"], "evidence": ["<b>No</b> & never", "Yes."],
                             "cue": ["", "backs"], "source": ["Wire", "Daily"],
                             "published": [pd.Timestamp("2022-02-21", tz="UTC"), pd.NaT],
                             "title": ["T <1>", "T2"], "url": ["https://a.example/x?a=1&b=2", "javascript:alert(1)"]})
    page = highlight.render_evidence(evidence)
    assert "&lt;b&gt;No&lt;/b&gt; &amp; never" in page and "<b>" not in page
    assert 'href="https://a.example/x?a=1&amp;b=2"' in page and "javascript:" not in page
    assert "Wire · 2022-02-21" in page and "Daily · undated · T2" in page
    assert "(cue “backs”)" in page and "cue “”" not in page


def test_evidence_marks_the_actor_and_the_cue_and_gives_a_pronouns_sentence_before() -> None:
    # a user's review: the evidence did not show the actor or the cue, and "He also said …" could not be
    # checked without the sentence before
    evidence = pd.DataFrame({
        "stance": ["oppose", "support"],
        "evidence": ["He also said <the> sanctions were Lind's mistake.", "Lind backs new sanctions."],
        "cue": ["mistake", "backs"], "source": ["Wire", "Daily"],
        "published": [pd.Timestamp("2022-02-21", tz="UTC"), pd.NaT], "title": ["T", "T2"], "url": ["", ""],
        "surfaces": [("Lind",), ("Lind",)], "before": ["Oskar Lind spoke at <noon>.", "Earlier text."],
    })
    page = highlight.render_evidence(evidence)
    assert ('<span class="al-before">Oskar Lind spoke at &lt;noon&gt;.</span> He also said &lt;the&gt; sanctions '
            'were <mark>Lind</mark>\'s <mark class="al-cue">mistake</mark>.') in page.replace("&#x27;", "'")
    # a sentence that names its actor needs no sentence before it
    assert "Earlier text." not in page
    assert '<mark>Lind</mark> <mark class="al-cue">backs</mark> new sanctions.' in page
    # whole words only: "Iran" is not marked inside "Iranian"
    marked = highlight.mark_evidence("Iranian aides met Iran.", surfaces=("Iran",))
    assert marked == "Iranian aides met <mark>Iran</mark>."


def test_evidence_from_a_quote_names_its_speaker_in_grey_and_escaped() -> None:
    # a user's review: in '"It must stop," he said' the reader could not see whose words they were
    evidence = pd.DataFrame({
        "stance": ["oppose", "neutral"], "evidence": ['"It must <script>stop</script>," he said.', "Lind spoke."],
        "cue": ["", ""], "source": ["Wire", "Daily"], "published": [pd.NaT, pd.NaT], "title": ["T", "T2"],
        "url": ["", ""], "speaker": ["<i>Oskar</i> Lind", ""],
    })
    page = highlight.render_evidence(evidence)
    assert ('<span class="al-speaker">&lt;i&gt;Oskar&lt;/i&gt; Lind:</span>"It must &lt;script&gt;stop'
            in page.replace("&quot;", '"'))
    assert page.count('class="al-speaker"') == 1  # a sentence that quotes nobody names no speaker
    assert "<script>" not in page
    assert ".al-evidence .al-speaker{color:#666;font-style:italic" in page


def test_view_zip_holds_html_and_csv_for_every_chart_and_plotlyjs_once() -> None:
    # a user's review: each chart's HTML inlined the 4.8 MB of plotly.js; the evidence was not in the zip
    item = export.ChartItem("bars", "Bars", px.bar(x=["a"], y=[1]), pd.DataFrame({"x": ["a"], "y": [1]}))
    other = export.ChartItem("lines", "Lines", px.line(x=["a"], y=[1]), pd.DataFrame({"x": ["a"]}))
    evidence = export.TableItem("evidence", "Every statement", pd.DataFrame({"evidence": ["<b>Yes</b>", "No"]}))
    archive = zipfile.ZipFile(io.BytesIO(export.build_view_zip([item, other], render=None, notes="hello\n",
                                                               tables=[evidence])))
    assert sorted(archive.namelist()) == ["README.txt", "bars.csv", "bars.html", "evidence.csv", "lines.csv",
                                          "lines.html", "plotly.min.js"]
    assert archive.read("bars.csv") == b"x,y\na,1\n"
    assert archive.read("evidence.csv") == b"evidence\n<b>Yes</b>\nNo\n"
    assert archive.read("plotly.min.js").decode() == export.read_plotlyjs()
    for page in ("bars.html", "lines.html"):
        html = archive.read(page).decode()
        assert '<script charset="utf-8" src="plotly.min.js"></script>' in html
        assert len(html) < 20_000 and "cdn" not in html.lower()
    assert archive.read("README.txt").decode() == (
        "hello\nevidence.csv: Every statement (2 rows).\nEach .html chart loads plotly.js from plotly.min.js in the "
        "same folder: keep them together (no internet connection is needed).\n")


def test_view_zip_adds_static_images_when_a_renderer_is_given() -> None:
    item = export.ChartItem("bars", "Bars", px.bar(x=["a"], y=[1]), pd.DataFrame({"x": ["a"]}))
    archive = zipfile.ZipFile(io.BytesIO(export.build_view_zip([item], render=lambda figure, fmt: fmt.encode())))
    assert archive.read("bars.png") == b"png" and archive.read("bars.svg") == b"svg"


def test_tables_zip_has_csv_and_parquet() -> None:
    tables = make_tables()
    archive = zipfile.ZipFile(io.BytesIO(export.build_tables_zip(tables)))
    assert len(archive.namelist()) == 12
    quotes = pd.read_parquet(io.BytesIO(archive.read("parquet/quotes.parquet")))
    assert list(quotes["speaker_id"]) == list(tables["quotes"]["speaker_id"])


def test_the_data_page_tables_zip_holds_the_skipped_rows_and_the_manifest(tmp_path) -> None:
    folder = write_results_folder(tmp_path / "results")
    archive = zipfile.ZipFile(io.BytesIO(cache.build_tables_zip(folder, "fixture")))
    assert sorted(name for name in archive.namelist() if name.startswith("csv/")) == [
        "csv/articles.csv", "csv/mentions.csv", "csv/problems.csv", "csv/quotes.csv", "csv/relations.csv",
        "csv/sentences.csv", "csv/stances.csv"]
    problems = pd.read_parquet(io.BytesIO(archive.read("parquet/problems.parquet")))
    assert problems.to_dict("records") == [{"file": "bad.csv", "location": "row 3", "reason": "empty text - skipped"}]
    assert json.loads(archive.read("manifest.json"))["summary"] == "Articles read: 6\nArticles kept: 5"


def test_report_is_standalone_and_escaped() -> None:
    data = pd.DataFrame({"quote": ["<script>alert(1)</script>"]})
    item = export.ChartItem("q", "Quotes <b>", px.bar(x=["a"], y=[1]), data)
    page = export.build_report([item], title="Report", description="actors <x>", counts={"Articles": 3}).decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Quotes &lt;b&gt;" in page and "actors &lt;x&gt;" in page
    assert "<th>Articles</th><td>3</td>" in page
    assert page.count("Plotly.newPlot") == 1


def test_report_holds_the_evidence_rows_escaped() -> None:
    item = export.ChartItem("q", "Grid", px.bar(x=["a"], y=[1]), pd.DataFrame({"x": ["a"]}))
    evidence = export.TableItem("evidence", "Evidence <all>", pd.DataFrame({"evidence": ["<script>x</script> said"],
                                                                           "stance": ["oppose"]}))
    page = export.build_report([item], title="R", description="", counts={}, tables=[evidence]).decode()
    assert "<h2>Evidence &lt;all&gt;</h2><details><summary>Rows (1 row)</summary>" in page
    assert "<td>&lt;script&gt;x&lt;/script&gt; said</td>" in page and "<script>x" not in page


def test_missing_browser_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert export.find_browser_path() is None
    assert "packages.txt" in export.explain_missing_browser()


REGISTRY = {"actors": [{"id": "olaf_scholz", "name": "Olaf Scholz", "type": "person", "aliases": []}]}


def test_add_alias_returns_a_new_registry() -> None:
    edited = registry_edit.add_alias(REGISTRY, actor_id="olaf_scholz", alias="  Chancellor  Scholz ")
    assert edited["actors"][0]["aliases"] == ["Chancellor Scholz"]
    assert REGISTRY["actors"][0]["aliases"] == []
    with pytest.raises(ValueError, match="No actor"):
        registry_edit.add_alias(REGISTRY, actor_id="nobody", alias="x")


def test_an_alias_another_actor_has_is_refused_in_the_readers_words() -> None:
    # a user's review: "Putin" added to Russia gave "…actors_4c91….yaml, actor 2 (vladimir_putin): its short
    # name 'Putin' is also a name of 'russia'; remove it there or give this actor other short_names"
    data = {"actors": [
        {"id": "russia", "name": "Russia", "type": "country"},
        {"id": "vladimir_putin", "name": "Vladimir Putin", "type": "person"},
    ]}
    with pytest.raises(ValueError) as raised:
        registry_edit.add_alias(data, actor_id="russia", alias="Putin")
    assert str(raised.value) == (
        "'Putin' already names Vladimir Putin, so it cannot also name Russia. Choose Vladimir Putin in the Actor "
        "box to keep it there, or add a longer spelling that only this actor has."
    )
    assert registry_edit.add_alias(data, actor_id="vladimir_putin", alias="Putin")["actors"][1]["aliases"] == ["Putin"]


def test_add_actor_validates_and_makes_an_id() -> None:
    edited = registry_edit.add_actor(REGISTRY, name="Annalena Baerbock", actor_type="person", aliases=("Baerbock", ""))
    assert edited["actors"][1] == {"id": "annalena_baerbock", "name": "Annalena Baerbock", "type": "person",
                                   "aliases": ["Baerbock"]}
    assert len(parse_registry(edited).actors) == 2
    with pytest.raises(ValueError, match="already exists"):
        registry_edit.add_actor(REGISTRY, name="Olaf Scholz", actor_type="person")
    with pytest.raises(ValueError, match="unknown type"):
        registry_edit.add_actor(REGISTRY, name="X Y", actor_type="alien")


def test_registry_copy_is_named_by_content(tmp_path) -> None:
    first = registry_edit.write_registry_copy(REGISTRY, folder=tmp_path)
    assert registry_edit.write_registry_copy(REGISTRY, folder=tmp_path) == first
    assert "Olaf Scholz" in first.read_text()


def test_uploads_are_saved_under_their_content_hash(tmp_path) -> None:
    files = [("../evil/a.md", b"# A\n\ntext"), ("b.csv", b"text\nhello\n")]
    folder = uploads.save_uploads(files, root=tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == ["a.md", "b.csv"]
    assert folder.name == uploads.hash_uploads(list(reversed(files)))


def test_table_preview_and_errors() -> None:
    preview = uploads.read_table_preview("x.tsv", b"headline\tbody\nA\tB\n")
    assert list(preview.columns) == ["headline", "body"]
    assert uploads.is_table("X.JSONL") and not uploads.is_table("a.md")
    with pytest.raises(ValueError, match="cannot be read"):
        uploads.read_table_preview("x.parquet", b"not parquet")
    # a user's review: a bad row among the first five broke the preview (and the column mapping with it)
    # while the analysis read the file fine
    table = b'headline,body,day\nA,one,1\nB,two,2,extra\nC,"three,3\nD,four,4\n'
    preview = uploads.read_table_preview("bad2.csv", table)
    assert preview.values.tolist() == [["A", "one", "1"], ["D", "four", "4"]]


def test_network_edges_graphml_and_gephi_csv() -> None:
    tables = make_tables()
    pairs = summaries.count_cooccurrence(tables["mentions"], tables["articles"], level="sentence")
    edges = network.build_network_edges(tables["relations"], pairs)
    critic = edges[(edges["source_id"] == "russia") & (edges["target_id"] == "volodymyr_zelensky")].iloc[0]
    assert (critic["relations"], critic["polarity"], critic["relation_types"]) == (1, -1.0, "criticises")
    nodes = network.build_network_nodes(tables["mentions"], tables["articles"])
    graph = nx.read_graphml(io.BytesIO(network.write_graphml(network.make_graph(nodes, edges))))
    assert graph.nodes["joe_biden"]["label"] == "Joe Biden"
    assert graph.edges["russia", "volodymyr_zelensky"]["polarity"] == -1.0
    node_csv, edge_csv = network.write_gephi_csv(nodes, edges)
    assert node_csv.splitlines()[0].startswith("Id,Label,")
    assert edge_csv.splitlines()[0].startswith("Source,Target,")


def make_directed_relations() -> pd.DataFrame:
    """Relations one way (NATO asks Russia) and both ways (Russia and Ukraine), in the relations table's columns."""
    names = {"nato": "NATO", "russia": "Russia", "ukraine": "Ukraine"}
    rows = [("ukraine", "russia", "accuses", -1), ("ukraine", "russia", "denies", -1),
            ("russia", "ukraine", "accuses", -1), ("ukraine", "russia", "accuses", -1), ("nato", "russia", "asks", 0)]
    return pd.DataFrame({
        "article_id": "a1", "sentence_id": range(len(rows)), "source_actor_id": [row[0] for row in rows],
        "source_actor": [names[row[0]] for row in rows], "target_actor_id": [row[1] for row in rows],
        "target_actor": [names[row[1]] for row in rows], "relation": [row[2] for row in rows],
        "polarity": [row[3] for row in rows], "cue": [row[2] for row in rows], "evidence": "A sentence."})


NO_PAIRS = pd.DataFrame(columns=["actor_a", "actor_b", "actor_a_name", "actor_b_name", "count"])


def test_network_ties_count_their_relations_each_way() -> None:
    # a user's review: the network did not say who accuses whom
    edges = network.build_network_edges(make_directed_relations(), NO_PAIRS)
    rows = edges[["source_id", "target_id", "relations", "source_to_target", "target_to_source", "directions"]]
    assert rows.values.tolist() == [
        ["nato", "russia", 1, 1, 0, "NATO → Russia: asks 1"],
        ["russia", "ukraine", 4, 1, 3, "Russia → Ukraine: accuses 1; Ukraine → Russia: accuses 2, denies 1"]]


def test_gephi_exports_keep_the_relations_each_way() -> None:
    edges = network.build_network_edges(make_directed_relations(), NO_PAIRS)
    # Ukraine, mentioned most, comes first: GraphML still writes the tie from russia, as source_to_target counts
    nodes = pd.DataFrame({"actor_id": ["ukraine", "russia", "nato"], "actor": ["Ukraine", "Russia", "NATO"],
                          "actor_type": "country", "mentions": [9, 5, 2], "articles": 1})
    graphml = network.write_graphml(network.make_graph(nodes, edges)).decode()
    assert '<edge source="russia" target="ukraine">' in graphml and 'target="russia"' in graphml
    graph = nx.read_graphml(io.BytesIO(graphml.encode()))
    tie = graph.edges["russia", "ukraine"]
    assert (tie["source_to_target"], tie["target_to_source"]) == (1, 3)
    assert tie["directions"] == "Russia → Ukraine: accuses 1; Ukraine → Russia: accuses 2, denies 1"
    _, edge_csv = network.write_gephi_csv(nodes, edges)
    table = pd.read_csv(io.StringIO(edge_csv))
    assert table[["Source", "Target", "source_to_target", "target_to_source"]].values.tolist() == [
        ["nato", "russia", 1, 0], ["russia", "ukraine", 1, 3]]


@pytest.mark.skipif(export.find_browser_path() is None, reason="needs a Chromium for kaleido")
def test_export_browser_renders_png_svg_pdf() -> None:
    browser = export.ExportBrowser(export.find_browser_path())
    figure_json = px.bar(x=["a", "b"], y=[1, 2]).to_json()
    assert browser.render(figure_json, fmt="png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert browser.render(figure_json, fmt="svg").startswith(b"<svg")
    assert browser.render(figure_json, fmt="pdf").startswith(b"%PDF")


def test_corpus_stamp_changes_only_when_a_file_changes(tmp_path):
    import os

    from dashboard.corpus import CorpusChoice, stamp_corpus

    (tmp_path / "a.md").write_text("# One\n\nKyiv said no.", encoding="utf-8")
    choice = CorpusChoice(kind="upload", location=str(tmp_path), label="test")
    first = stamp_corpus(choice)
    assert stamp_corpus(choice) == first
    assert first[0][:2] == (str(tmp_path / "a.md"), len("# One\n\nKyiv said no."))
    os.utime(tmp_path / "a.md", ns=(1, 1))
    assert stamp_corpus(choice) != first


def test_uploads_with_the_same_name_are_both_kept(tmp_path):
    from dashboard.uploads import save_uploads

    folder = save_uploads([("a/story.md", b"# A\n\none"), ("b/story.md", b"# B\n\ntwo")], root=tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == ["1_story.md", "story.md"]


def test_notice_line_counts_repeats_without_reading_as_rows() -> None:
    from dashboard.sections.data import notice_line

    reason = "no source column or URL in 188 rows - source set to the file name 'wire_*'"
    assert notice_line(reason, 1) == "no source column or URL in 188 rows \\- source set to the file name 'wire\\_\\*'"
    assert notice_line("no date found", 3) == "no date found (given 3 times)"


def test_drop_isolated_leaves_out_actors_without_a_shown_tie_unless_chosen() -> None:
    nodes = pd.DataFrame({"actor_id": ["russia", "ukraine", "israel"], "actor": ["Russia", "Ukraine", "Israel"]})
    edges = pd.DataFrame({"source_id": ["russia"], "target_id": ["ukraine"]})
    kept, alone = network.drop_isolated(nodes, edges)
    assert (list(kept["actor_id"]), alone) == (["russia", "ukraine"], 1)
    kept, alone = network.drop_isolated(nodes, edges, keep=frozenset({"israel"}))
    assert (list(kept["actor_id"]), alone) == (["russia", "ukraine", "israel"], 0)


def test_corpus_choice_round_trips_through_the_address(tmp_path, monkeypatch) -> None:
    from dashboard import corpus

    monkeypatch.setenv(corpus.CACHE_ENV, str(tmp_path))
    assert corpus.encode_choice(corpus.make_sample_choice()) == {}
    folder = uploads.save_uploads([("a.csv", b"headline,body\nT,Some text\n")], root=tmp_path / "uploads")
    registry = tmp_path / "registries" / "actors_0123456789abcdef.yaml"
    registry.parent.mkdir()
    registry.write_text("actors: []\n", encoding="utf-8")
    choice = corpus.CorpusChoice(kind="upload", location=str(folder), label="Uploaded: a.csv (edited registry)",
                                 actors_path=str(registry), column_map=(("text", "body"),))
    params = corpus.encode_choice(choice)
    assert params == {"corpus": f"upload:{folder.name}", "registry": "actors_0123456789abcdef.yaml",
                      "columns": '[["text", "body"]]'}
    assert corpus.decode_choice(params) == (choice, "")


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"corpus": "upload:0123456789abcdef"}, "the uploaded files '0123456789abcdef' are not kept on this server"),
        ({"corpus": "upload:../../etc"}, "the uploaded files '../../etc' are not kept on this server"),
        ({"registry": "../actors.yaml"}, "the edited registry '../actors.yaml' is not kept on this server"),
        ({"corpus": "archive:x"}, "'archive' is no kind of corpus"),
        ({"corpus": "upload:abc", "columns": "{"}, "the column mapping in the address cannot be read"),
    ],
)
def test_an_address_naming_what_the_server_lacks_gives_the_reason(params, reason, tmp_path, monkeypatch) -> None:
    from dashboard import corpus

    monkeypatch.setenv(corpus.CACHE_ENV, str(tmp_path))
    assert corpus.decode_choice(params) == (None, reason)


def test_the_skipped_banner_counts_exact_duplicates_apart():
    # a user's review: "10 file(s) or row(s) were skipped" stood under "Articles skipped: 0"; all were copies
    from dashboard.sections.data import describe_skipped

    rows = pd.DataFrame({"reason": ["exact duplicate of row 1 (article ab) - skipped", "empty text - skipped"]})
    assert describe_skipped(rows) == "1 file(s) or row(s) skipped and 1 exact duplicate(s) removed, each listed here:"
    assert describe_skipped(rows.iloc[:1]) == "1 exact duplicate(s) removed, each listed here:"


def test_a_results_path_that_is_a_corpus_says_how_to_open_it(tmp_path) -> None:
    # a user's review: the corpus folder got "run python -m analysis run INPUT --out <the data folder> first",
    # advice to write results into the data, and a CSV path only "…is not a folder."
    from dashboard import corpus

    table = tmp_path / "articles.csv"
    table.write_text("title,text\nA,B\n", encoding="utf-8")
    assert corpus.check_results_folder(str(table)) == (
        f'{table} is a file, not a results folder. Upload it under "Upload files" to analyse it here, '
        f"or run `python -m analysis run {table} --out RESULTS` and open the RESULTS folder."
    )
    assert corpus.check_results_folder(str(tmp_path)) == (
        f'{tmp_path} holds no ActorLens results (no manifest.json). If it holds articles, upload them under '
        f'"Upload files", or run `python -m analysis run {tmp_path} --out RESULTS` with a new RESULTS folder '
        "and open that here."
    )


def test_the_selection_zip_holds_the_filtered_tables_and_says_which_filters() -> None:
    # a user's review: only the whole corpus could be downloaded, not the mentions and stances of a selection
    tables = make_tables()
    mentions = tables["mentions"][tables["mentions"]["actor_id"] == "joe_biden"]
    archive = zipfile.ZipFile(io.BytesIO(export.build_tables_zip({"mentions": mentions}, selection="Joe Biden")))
    assert sorted(archive.namelist()) == ["csv/mentions.csv", "parquet/mentions.parquet", "selection.txt"]
    assert archive.read("selection.txt").decode() == "Rows of the selection: Joe Biden\n"
    assert pd.read_csv(archive.open("csv/mentions.csv"))["actor_id"].unique().tolist() == ["joe_biden"]


def test_the_network_layout_opens_up_a_dense_centre() -> None:
    # a user's review: the names of the hubs in the middle lay on top of each other
    positions = {"a": np.array([0.0, 0.0]), "b": np.array([0.1, 0.0]), "c": np.array([-0.1, 0.0]),
                 "d": np.array([1.0, 0.0]), "e": np.array([-1.0, 0.0])}
    spread = network.spread_centre(positions)
    assert spread["d"][0] == pytest.approx(1.0) and spread["e"][0] == pytest.approx(-1.0)  # the farthest stay
    assert spread["b"][0] == pytest.approx(0.1 ** 0.6) and spread["a"][0] == pytest.approx(0.0)
    assert [key for key, _ in sorted(spread.items(), key=lambda item: item[1][0])] == ["e", "c", "a", "b", "d"]


def test_sentiment_evidence_marks_the_actor_and_the_quote_and_escapes() -> None:
    evidence = pd.DataFrame({
        "polarity": [-0.45, 0.0], "sentence": ['"No <script>x</script>," Lind said.', "Lind & Co spoke."],
        "marks": [((25, 29),), ((0, 4),)], "quote_span": [(1, 23), ()], "speaker": ["Lind", ""],
        "actor": ["", "Oskar Lind"],
        "source": ["<b>Wire</b>", "Daily"], "published": [pd.Timestamp("2022-02-21", tz="UTC"), pd.NaT],
        "title": ["T", "T2"], "url": ["https://a.example/x", "javascript:alert(1)"],
    })
    page = highlight.render_sentiment_evidence(evidence)
    assert ('<span class="al-polarity al-negative">-0.45</span><span class="al-speaker">Lind:</span>&quot;'
            '<span class="al-quote" title="quote: Lind">No &lt;script&gt;x&lt;/script&gt;,</span>&quot; '
            '<mark title="Lind">Lind</mark> said.') in page
    assert '<span class="al-polarity al-zero">+0.00</span><mark title="Oskar Lind">Lind</mark> &amp; Co spoke.' in page
    assert "<script>" not in page and "<b>Wire" not in page and "javascript:" not in page
    assert "&lt;b&gt;Wire&lt;/b&gt; · 2022-02-21 · " in page and "Daily · undated · T2" in page
