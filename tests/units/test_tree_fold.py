"""The units page folds a province's tree to the levels that fit (units.selectors.fold_level)."""

from types import SimpleNamespace

from units.selectors import TreeNode, flatten, fold_level


def province(centres: int, stations: int) -> list[TreeNode]:
    root = TreeNode(SimpleNamespace(name="Sở Y tế"), 0)
    for c in range(centres):
        centre = TreeNode(SimpleNamespace(name=f"TTYT {c}"), 1)
        centre.children = [TreeNode(SimpleNamespace(name=f"TYT {c}.{s}"), 2) for s in range(stations)]
        root.children.append(centre)
    return [root]


def test_a_small_tree_is_shown_whole():
    assert fold_level(province(3, 4), limit=150) is None


def test_a_province_shows_its_units_and_counts_the_stations_below():
    tree = province(9, 30)   # 1 + 9 + 270 rows
    level = fold_level(tree, limit=150)
    assert level == 1
    shown = flatten(tree, level)
    assert len(shown) == 10 and shown[1].descendant_count == 30


def test_the_roots_are_always_shown():
    assert fold_level(province(200, 1), limit=150) == 0
