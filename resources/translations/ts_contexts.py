#!/usr/bin/env python3
"""Maps catalogue contexts between what tr() uses at run time and what lupdate (Qt 5.15) sees.

lupdate does not understand C++17 nested namespaces: it names the context of tr() in
`namespace gf::app { class MainWindow` "MainWindow", and gives the file-local tr() helpers of
core/gis (which call QCoreApplication::translate with their class's context) the enclosing
namespace "gf::gis" or a guessed class name. `before` renames the catalogue's contexts the
way lupdate will name them, so that it merges the existing translations; `after` (run on a
catalogue written with -locations absolute) renames them back, telling helpers apart by the
file each message comes from, and drops the locations.

`add FILE.ts OTHER.ts` adds to FILE the messages of OTHER that it lacks: lupdate skips
QT_TRANSLATE_NOOP nested in a call to a method named translate() (the report's), so those
files get a second pass in which translate() is not a translation function.

usage: ts_contexts.py before|after FILE.ts, ts_contexts.py add FILE.ts OTHER.ts
"""
import re
import sys
import xml.etree.ElementTree as ET

# Run-time context of the messages of files whose tr() helper lupdate cannot see through.
HELPER_FILES = {
    'core/gis/common/gis_error.cpp': 'gf::gis::GisError',
    'core/gis/io/project_reader.cpp': 'gf::gis::ProjectReader',
    'core/gis/network/road_layer_importer.cpp': 'gf::gis::RoadLayerImporter',
}
APP_PREFIX = 'gf::app::'


def lupdate_name(context):
    """The context lupdate gives the messages of run-time \a context."""
    if context in HELPER_FILES.values():
        short = context.rsplit('::', 1)[1]
        return 'gf::gis' if short in ('GisError', 'ProjectReader') else short
    if context.startswith(APP_PREFIX):
        return context[len(APP_PREFIX):]
    return context


def runtime_name(context, filename):
    for path, name in HELPER_FILES.items():
        if filename.endswith(path):
            return name
    if re.fullmatch(r'[A-Z][A-Za-z]*', context):
        return APP_PREFIX + context
    return context


def merge_contexts(root, name_of):
    """Moves every message to the context name_of(context, message) names, keeping order."""
    contexts = {}
    for context in list(root.findall('context')):
        old = context.findtext('name')
        for message in context.findall('message'):
            new = name_of(old, message)
            if new not in contexts:
                element = ET.SubElement(root, 'context')
                ET.SubElement(element, 'name').text = new
                contexts[new] = element
            contexts[new].append(message)
        root.remove(context)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    tree = ET.parse(path)
    root = tree.getroot()
    if mode == 'add':
        def key(context, message):
            return (context.findtext('name'), message.findtext('source'), message.findtext('comment'))
        present = {key(context, message) for context in root.findall('context') for message in context.findall('message')}
        by_name = {context.findtext('name'): context for context in root.findall('context')}
        for context in ET.parse(sys.argv[3]).getroot().findall('context'):
            name = context.findtext('name')
            for message in context.findall('message'):
                if key(context, message) in present:
                    continue
                if name not in by_name:
                    by_name[name] = ET.SubElement(root, 'context')
                    ET.SubElement(by_name[name], 'name').text = name
                by_name[name].append(message)
    elif mode == 'before':
        merge_contexts(root, lambda old, message: lupdate_name(old))
    else:
        def name_of(old, message):
            location = message.find('location')
            return runtime_name(old, location.get('filename') if location is not None else '')
        merge_contexts(root, name_of)
        for message in root.iter('message'):
            for location in message.findall('location'):
                message.remove(location)
    ET.indent(tree, space='    ')
    body = ET.tostring(root, encoding='unicode')
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')


if __name__ == '__main__':
    main()
