"""Find gaps ▸ Show on the map names the class schemes and palettes as the core does (the
legend and the command line use the core's words), and in Welsh once translated."""

from __future__ import annotations

from assetmap.core.analysis import classify
from assetmap.qt import i18n
from assetmap.qt.panels.analysis.map_options import PALETTE_WORDS, SCHEME_WORDS, MapOptions


def test_in_english_the_schemes_and_palettes_read_as_the_core_names_them(qtbot):
    i18n.remove_translators()
    assert SCHEME_WORDS == classify.SCHEMES  # every scheme, word for word
    assert all(classify.PALETTE_NAMES[k] == words for k, words in PALETTE_WORDS.items())
    box = MapOptions()
    qtbot.addWidget(box)
    shown = [box.palette_combo.itemText(i) for i in range(box.palette_combo.count())]
    assert shown == list(classify.PALETTE_NAMES.values())
