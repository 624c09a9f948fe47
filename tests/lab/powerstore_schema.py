"""The collection's compact PowerStore schema, loaded by file path.

plugins/module_utils/_backends/powerstore/_schema_data.py is generated from the PowerStore 4.1 spec
(tools/powerstore_schema.py) and holds only literals: RESOURCES (name -> {"instance", "actions":
{action: [method, path, body definition, 2xx statuses]}}) and DEFINITIONS (name -> {"required",
"properties"}; a property has `type`, `enum`, `nullable`, `minimum`/`maximum`,
`minLength`/`maxLength`, `minItems`/`maxItems`, `items`, `def` (another definition) and `ref` (the
resource an id names)).  The lab executes that file on its own: it is stdlib only and never imports
ansible, and the lab and the modules then check requests against the same data.
"""
import importlib.util
import pathlib

DATA = (pathlib.Path(__file__).resolve().parents[2] / "plugins" / "module_utils" / "_backends" / "powerstore"
        / "_schema_data.py")


def _load(path):
    spec = importlib.util.spec_from_file_location("powerstore_schema_data", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_DATA = _load(DATA)
SPEC_VERSION = _DATA.SPEC_VERSION
RESOURCES = _DATA.RESOURCES
DEFINITIONS = _DATA.DEFINITIONS


def instance(resource):
    """The properties of a resource's read instance ({} when the spec has none)."""
    name = RESOURCES.get(resource, {}).get("instance")
    return DEFINITIONS[name]["properties"] if name in DEFINITIONS else {}


def relation(prop):
    """The resource a relation property of an instance names (`volume_groups` -> volume_group), else None."""
    if prop.get("type") == "array":
        prop = prop.get("items") or {}
    return prop.get("ref") if prop.get("type") == "object" and prop.get("ref") in RESOURCES else None
