"""The XForms built from our XLSForm sources are valid pyxform output that ODK Collect can open."""

import shutil
from xml.etree import ElementTree

import pytest
from pyxform.xls2xform import convert

from gotong.odk import catalog

XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("form_id", sorted(catalog.FORMS))
def test_every_form_converts_to_an_xform_with_its_id_version_and_media(form_id):
    form = catalog.FORMS[form_id]
    built = catalog.build(form_id)
    root = ElementTree.fromstring(built.xml)
    assert root.tag == f"{H}html"
    model = root.find(f"{H}head/{XF}model")
    primary = model.find(f"{XF}instance")[0]
    assert primary.get("id") == form_id
    assert primary.get("version") == built.version
    assert primary.find(f"{XF}meta/{XF}instanceID") is not None
    sources = {i.get("src") for i in model.findall(f"{XF}instance") if i.get("src")}
    assert sources == {f"jr://file-csv/{name}" for name in form.media_files}
    # Every question of the body is bound in the model: pyxform output, not a hand-written file.
    assert (
        model.find(f"{XF}bind[@nodeset='/data/meta/instanceID']").get("{http://openrosa.org/javarosa}preload") == "uid"
    )


def test_the_version_follows_the_xlsform_source(tmp_path, monkeypatch):
    form_id = "gotong_penimbangan"
    original = catalog.build(form_id)
    source = (catalog.SOURCES / catalog.FORMS[form_id].source).read_text()
    (tmp_path / "penimbangan.md").write_text(source.replace("Berat badan (kg)", "Berat badan (kilogram)"))
    monkeypatch.setattr(catalog, "SOURCES", tmp_path)
    catalog.build.cache_clear()
    try:
        changed = catalog.build(form_id)
    finally:
        monkeypatch.undo()
        catalog.build.cache_clear()
    assert changed.version != original.version
    assert changed.md5 != original.md5
    assert catalog.build(form_id) == original  # the same source gives the same form again


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate (bundled with pyxform) needs Java")
def test_every_form_passes_odk_validate_the_engine_collect_runs():
    for form in catalog.FORMS.values():
        source = (catalog.SOURCES / form.source).read_text().replace(catalog.VERSION_PLACEHOLDER, "1")
        warnings = []
        convert(source, file_type=".md", validate=True, warnings=warnings)  # raises on an invalid form
        assert warnings == [], form.form_id
