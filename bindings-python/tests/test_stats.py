"""The statistics validator from Python (domain §4.1, §8)."""

from __future__ import annotations

import pytest

import renda
from renda import InputError


def figure(n: int, d: int, stated: str, nu: str = "persons", du: str = "persons") -> dict:
    return {"numerator": n, "numerator_unit": nu, "denominator": d, "denominator_unit": du,
            "stated_percent": stated}


def test_s000_3_is_flagged() -> None:
    c = renda.check_figure(figure(247, 445, "57.75"))
    assert c == {
        "reproducible": False,
        "decimals": 2,
        "computed_percent": "55.51",
        "warnings": [{"code": "percent_mismatch", "stated_percent": "57.75", "computed_percent": "55.51"}],
    }


def test_s000_5_is_flagged() -> None:
    assert renda.is_reproducible("62.8", 445) is False
    assert renda.is_reproducible("62.8", 433) is True
    c = renda.check_figure(figure(280, 445, "62.8"))
    assert not c["reproducible"]
    assert [w["code"] for w in c["warnings"]] == ["percent_mismatch", "no_numerator_fits"]


def test_consistent_figures_and_unit_mismatch() -> None:
    assert renda.check_figure(figure(436, 445, "97.98"))["warnings"] == []
    c = renda.check_figure(figure(357, 433, "82.4", nu="person_times"))
    assert c["reproducible"]
    assert c["warnings"] == [{"code": "unit_mismatch", "numerator_unit": "person_times", "denominator_unit": "persons"}]
    # JSON text works too.
    assert renda.check_figure('{"numerator":179,"numerator_unit":"persons","denominator":445,'
                              '"denominator_unit":"persons","stated_percent":"40.22"}')["reproducible"]


@pytest.mark.parametrize("stated", ["abc", "-5", "1000.5", "1.2345678"])
def test_bad_stated_percent(stated: str) -> None:
    with pytest.raises(InputError) as info:
        renda.check_figure(figure(1, 2, stated))
    assert info.value.code == "invalid_field"
    assert info.value.field == "stated_percent"
    with pytest.raises(InputError) as info2:
        renda.is_reproducible(stated, 10)
    assert info2.value.field == "stated_percent"


def test_bad_figure_fields() -> None:
    with pytest.raises(InputError) as info:
        renda.check_figure({**figure(1, 2, "50"), "extra": 1})
    assert info.value.field == "extra"
    with pytest.raises(InputError) as info:
        renda.check_figure(figure(1, 0, "50"))
    assert info.value.field == "denominator"
    with pytest.raises(InputError) as info:
        renda.is_reproducible("50", -1)
    assert info.value.field == "denominator"
    with pytest.raises(TypeError):
        renda.is_reproducible("50", 1.5)  # type: ignore[arg-type]
