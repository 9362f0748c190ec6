"""Figure by figure: the base article and the sourced research notes against the bundled package.

The expected numbers are written out here by hand, so the tests run without the source texts.
Only the cross-checks against the texts themselves need ``shared/source`` beside the checkout,
and they skip when it is not there (an installed package has no such folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chery_viewer.core.factsheet import FactSheet

SOURCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "source"
ARTICLE = SOURCE_DIR / "chery-2022-article.txt"
SOURCED = SOURCE_DIR / "sourced-figures.md"

# (figure id, value, unit, how the article writes it)
ARTICLE_FIGURES = [
    ("sales_2022", 1_232_727, "vehicles", "1,232,727"),
    ("sales_2022_yoy", 28.2, "percent", "28.2%"),
    ("sales_2022_12", 105_483, "vehicles", "105,483"),
    ("exports_2022", 451_337, "vehicles", "451,337"),
    ("exports_2022_yoy", 67.7, "percent", "67.7%"),
    ("export_leader_years", 20, "years", "20 consecutive years"),
    ("users_2022", 11_200_000, "users", "11.20 million"),
    ("users_overseas_2022", 2_400_000, "users", "2.40 million"),
    ("monthly_export_threshold", 50_000, "vehicles", "50,000"),
    ("months_over_50k_2022", 4, "months", "four months"),
    ("cumulative_export_share", 20, "percent", "20%"),
    ("patents_declared", 25_795, "patents", "25,795"),
    ("patents_granted", 17_177, "patents", "17,177"),
    ("invention_share", 37, "percent", "37%"),
]

PARTNERS = {"Haier", "Huawei", "Luxshare Precision", "CATL", "iFLYTEK", "Horizon Robotics"}


@pytest.mark.parametrize(
    ("figure_id", "value", "unit", "written"), ARTICLE_FIGURES, ids=[f[0] for f in ARTICLE_FIGURES]
)
def test_article_figure_is_in_the_package(sheet: FactSheet, figure_id: str, value: float, unit: str, written: str):
    figure = sheet.figure(figure_id)
    assert figure is not None, f"{figure_id} ({written}) is missing"
    assert figure.value == value
    assert figure.unit == unit
    assert figure.kind == "stated"
    # The cumulative share ("by now") and the user counts ("at present") are the article's of
    # 3 February 2023: dated by it, not by 2022.
    dated = {"cumulative_export_share", "users_2022", "users_overseas_2022"}
    expected = "2022-12" if figure_id == "sales_2022_12" else "2023-02-03" if figure_id in dated else "2022"
    assert figure.period.code == expected
    assert figure.source_id in sheet.sources


def test_headline_figures_come_from_the_base_article(sheet: FactSheet):
    base = {
        "sales_2022",
        "sales_2022_yoy",
        "sales_2022_12",
        "exports_2022",
        "exports_2022_yoy",
        "users_2022",
        "users_overseas_2022",
        "patents_declared",
        "patents_granted",
        "invention_share",
        "export_leader_years",
    }
    assert {fid for fid in base if sheet.figures[fid].source_id == "S1"} == base
    assert "gulfnews.com" in sheet.sources["S1"].url


def test_user_counts_keep_the_precision_of_the_article(sheet: FactSheet):
    assert sheet.figures["users_2022"].approximate and sheet.figures["users_overseas_2022"].approximate


def test_invention_share_is_marked_rounded(sheet: FactSheet):
    assert sheet.figures["invention_share"].approximate


def test_first_million_year(sheet: FactSheet):
    fact = next(f for f in sheet.facts if f.id == "first_million")
    assert fact.kind == "first" and fact.period.code == "2022"
    assert "1 million" in fact.text and "1,232,727" in fact.text
    assert sheet.figures["sales_2022"].value > 1_000_000 > sheet.figures["sales_2021"].value


def test_first_exporter_above_450k(sheet: FactSheet):
    fact = next(f for f in sheet.facts if f.id == "first_450k_exporter")
    assert fact.kind == "first" and "450,000" in fact.text
    assert sheet.figures["exports_2022"].value > 450_000


def test_tiggo_models_and_the_brazil_reception_role(sheet: FactSheet):
    models = {f.title: f for f in sheet.facts_of("exports", "model")}
    assert {"TIGGO 8", "TIGGO 7"} <= set(models)
    assert "Brazil" in models["TIGGO 8"].text and "reception" in models["TIGGO 8"].text


def test_the_six_partners(sheet: FactSheet):
    assert {p.name for p in sheet.partners} == PARTNERS
    assert all(p.source_id in sheet.sources for p in sheet.partners)


def test_partner_domains_follow_the_research(sheet: FactSheet):
    domains = {p.name: p.domain for p in sheet.partners}
    assert domains == {
        "Haier": "industrial internet",
        "Huawei": "intelligent solutions",
        "Luxshare Precision": "ecosphere cooperation",
        "CATL": "power battery systems",
        "iFLYTEK": "intelligent solutions",
        "Horizon Robotics": "intelligent solutions",
    }
    assert all(p.pairing == "inferred" for p in sheet.partners), "no source states a partner's domain"


def test_super_factories_and_higoplat(sheet: FactSheet):
    facts = {f.id: f for f in sheet.facts}
    assert facts["qingdao_factory"].kind == "factory" and "Qingdao" in facts["qingdao_factory"].title
    assert facts["wuhu_factory"].kind == "factory" and "Wuhu" in facts["wuhu_factory"].title
    assert facts["wuhu_factory"].inferred, "tying Wuhu to the Future ICV Plant is an inference"
    assert not facts["qingdao_factory"].inferred
    higoplat = facts["higoplat"]
    assert higoplat.kind == "platform" and "Qingdao" in higoplat.text and "Wuhu" in higoplat.text


def test_chief_scientists_and_innovation_factory(sheet: FactSheet):
    titles = {f.title for f in sheet.facts_of("innovation", "programme")}
    assert {"Chief scientist team", "Technology innovation factory"} <= titles


def test_goals_for_2023(sheet: FactSheet):
    goals = sheet.facts_of("overview", "goal")
    assert len(goals) == 2
    assert all(g.period.code == "2023" and g.source_id == "S1" for g in goals)
    assert any("world" in g.text for g in goals)


# -- the sourced research notes (sourced-figures.md) -------------------------------------------

ANNUAL = {  # metric: {year: value}
    "group_sales": {2020: 730_000, 2021: 961_926, 2022: 1_232_727, 2023: 1_881_316, 2024: 2_603_916},
    "group_sales_yoy": {2021: 31.7, 2022: 28.2, 2023: 52.6, 2024: 38.4},
    "exports": {
        2018: 126_000,
        2019: 96_000,
        2020: 114_000,
        2021: 269_154,
        2022: 451_337,
        2023: 937_148,
        2024: 1_144_588,
    },
    "exports_yoy": {2020: 18.7, 2021: 136.3, 2022: 67.7, 2023: 101.1, 2024: 21.4},
}

MONTHS_2022 = [  # metric, period, value, derived
    ("group_sales", "2022-01/2022-04", 284_865, False),
    ("group_sales", "2022-05/2022-06", 190_385, True),
    ("group_sales", "2022-07", 131_533, False),
    ("group_sales", "2022-01/2022-07", 606_783, True),
    ("group_sales", "2022-08", 141_767, False),
    ("group_sales", "2022-01/2022-08", 748_550, False),
    ("group_sales", "2022-09", 145_380, False),
    ("group_sales", "2022-01/2022-09", 893_930, False),
    ("group_sales", "2022-10", 132_828, False),
    ("group_sales", "2022-01/2022-10", 1_026_758, False),
    ("group_sales", "2022-11", 100_531, False),
    ("group_sales", "2022-01/2022-11", 1_127_289, False),
    ("group_sales", "2022-12", 105_483, False),
    ("group_sales_yoy", "2022-01/2022-04", 0.9, False),
    ("group_sales_yoy", "2022-07", 57.7, False),
    ("group_sales_yoy", "2022-08", 111, False),
    ("group_sales_yoy", "2022-01/2022-08", 30, False),
    ("group_sales_yoy", "2022-09", 92.1, False),
    ("group_sales_yoy", "2022-01/2022-09", 37.3, False),
    ("group_sales_yoy", "2022-10", 50.4, False),
    ("group_sales_yoy", "2022-01/2022-11", 32.6, False),
    ("exports", "2022-01/2022-04", 84_993, False),
    ("exports", "2022-06", 35_818, False),
    ("exports", "2022-01/2022-06", 148_000, False),
    ("exports", "2022-07", 50_614, False),
    ("exports", "2022-01/2022-07", 198_859, True),
    ("exports", "2022-08", 51_774, False),
    ("exports", "2022-01/2022-08", 250_633, False),
    ("exports", "2022-09/2022-12", 200_704, True),
    ("exports_yoy", "2022-01/2022-04", 12.6, False),
    ("exports_yoy", "2022-07", 90.1, False),
    ("exports_yoy", "2022-08", 152.7, False),
    ("exports_yoy", "2022-01/2022-08", 51.1, False),
    ("exports_yoy", "2022-01/2022-11", 70.9, False),
]

OTHER = [  # metric, period, value, approximate, lower bound
    ("brand_sales", "2022-09", 112_980, False, False),
    ("brand_sales", "2022-01/2022-09", 679_863, False, False),
    ("brand_sales_yoy", "2022-01/2022-09", 55, False, False),
    ("nev_sales", "2022-01/2022-04", 68_587, False, False),
    ("nev_sales_yoy", "2022-01/2022-04", 168.5, False, False),
    ("nev_sales", "2022-08", 28_459, False, False),
    ("nev_sales", "2022-01/2022-08", 159_373, False, False),
    ("nev_sales_yoy", "2022-01/2022-08", 241.2, False, False),
    ("nev_sales", "2022-01/2022-10", 210_000, True, True),
    ("nev_sales_yoy", "2022-01/2022-10", 182, False, False),
    ("nev_patents_applied", "2022", 900, True, True),
    ("nev_patents_granted", "2022", 600, True, True),
    ("plan_investment", "2022-09-16", 100, False, False),
    ("plan_technologies", "2022-09-16", 13, False, False),
    ("plan_engineers", "2022-09-16", 20_000, True, True),
    ("research_staff", "2022", 10_000, True, True),
    ("factory_area", "2022-11-18", 260_000, False, False),
    ("market_sales", "2022-01/2022-10", 29_854, False, False),
    ("market_share", "2022-01/2022-06", 6.7, False, False),
    ("china_exports", "2022", 3_110_000, True, False),
    ("china_export_share", "2022", 14.51, True, False),  # over a rounded 3.11 million
    ("export_share", "2022", 36.6, False, False),
]


@pytest.mark.parametrize("metric", sorted(ANNUAL))
def test_annual_series(sheet: FactSheet, metric: str):
    for year, value in ANNUAL[metric].items():
        figure = sheet.find(metric, str(year))
        assert figure is not None, f"{metric} {year}"
        assert figure.value == value, f"{metric} {year}"
        assert figure.source_id in sheet.sources


def test_rounded_and_bounded_annual_figures_are_flagged(sheet: FactSheet):
    assert sheet.find("group_sales", "2020").approximate
    assert sheet.find("exports", "2018").approximate and not sheet.find("exports", "2018").lower_bound
    assert sheet.find("exports", "2019").lower_bound
    assert sheet.find("exports", "2020").approximate
    exact = [sheet.find(metric, str(y)) for metric in ("group_sales", "exports") for y in range(2021, 2025)]
    assert not any(f.approximate or f.lower_bound for f in exact)


def test_figures_not_found_are_not_invented(sheet: FactSheet):
    """Sales for 2018 and 2019 exist only as memory in the research notes: they must not be shown."""
    assert sheet.find("group_sales", "2018") is None
    assert sheet.find("group_sales", "2019") is None
    assert sheet.find("group_sales_yoy", "2020") is None
    assert sheet.find("nev_sales", "2022") is None
    assert sheet.find("users", "2021") is None


@pytest.mark.parametrize(
    ("metric", "period", "value", "derived"), MONTHS_2022, ids=[f"{m[0]}-{m[1]}" for m in MONTHS_2022]
)
def test_2022_months(sheet: FactSheet, metric: str, period: str, value: float, derived: bool):
    figure = sheet.find(metric, period, "Chery Group")
    assert figure is not None
    assert figure.value == value
    assert figure.derived is derived


@pytest.mark.parametrize(
    ("metric", "period", "value", "approximate", "lower_bound"), OTHER, ids=[f"{m[0]}-{m[1]}" for m in OTHER]
)
def test_other_sourced_figures(
    sheet: FactSheet, metric: str, period: str, value: float, approximate: bool, lower_bound: bool
):
    figure = sheet.find(metric, period)
    assert figure is not None
    assert (figure.value, figure.approximate, figure.lower_bound) == (value, approximate, lower_bound)


def test_super_factory_figures(sheet: FactSheet):
    capacity = {f.subject: f.value for f in sheet.of_metric("factory_capacity")}
    assert capacity == {"Qingdao Super Factory": 200_000, "Wuhu Super Factory": 500_000}
    assert sheet.figures["qingdao_build_months"].value == 17


# -- against the texts themselves, when they are beside the checkout ---------------------------


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip("shared/source is not beside this checkout")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sourced() -> str:
    if not SOURCED.is_file():
        pytest.skip("shared/source is not beside this checkout")
    return SOURCED.read_text(encoding="utf-8")


def test_hand_list_matches_the_article_text(article: str):
    for figure_id, _value, _unit, written in ARTICLE_FIGURES:
        assert written in article, figure_id
    for name in PARTNERS | {"TIGGO 8", "TIGGO 7", "Brazil", "HiGOPlat", "Qingdao", "Wuhu", "2023"}:
        assert name in article, name


def test_hand_list_matches_the_research_notes(sourced: str):
    for series in ANNUAL.values():
        for value in series.values():
            text = f"{value:,}" if isinstance(value, int) else f"{value}%"
            assert text in sourced.replace("~", "").replace(">", ""), text
    for _metric, _period, value, _derived in MONTHS_2022:
        text = f"{value:,}" if isinstance(value, int) and value > 1000 else str(value)
        assert text in sourced, text
