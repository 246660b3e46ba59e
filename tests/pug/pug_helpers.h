// tests/pug/pug_helpers.h — parsing Pug text in tests and reading back the
// result: HTML, and diagnostics as "code@line:col".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dom/node.h"
#include "pug/parse.h"
#include "source/diagnostic.h"
#include "source/source.h"
#include "source/source_set.h"

namespace deckpdf::test {

struct PugResult {
  Source source;
  Diagnostics diags;
  dom::Document doc;
  std::string html;
  SourceSet files;  // what the deck included

  // Every diagnostic as "code@line:col", in order; in an included file,
  // "code@NAME:line:col" with the file's name.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (Diagnostic d : diags.items()) {
      files.localize(d);
      LineCol lc = (d.file ? *d.file : source).line_col(d.span.begin);
      std::string where =
          d.file ? std::filesystem::path(d.file->path()).filename().string() + ":" : "";
      out.push_back(d.code + "@" + where + std::to_string(lc.line) + ":" + std::to_string(lc.col));
    }
    return out;
  }
  // Diagnostics printed in compiler form (for INFO on failure).
  std::string printed() const {
    std::string out;
    for (Diagnostic d : diags.items()) {
      files.localize(d);
      out += diagnostic_format(source, d, false) + "\n";
    }
    return out;
  }
};

// Parses `text` as a whole deck (front matter handled as the CLI does).
// `run_js` false: as --no-js (code reported, never run). `locals_json`: as
// --locals, an object whose keys become the deck's globals.
inline PugResult pug_run(const std::string& text, const std::string& path = "test.pug",
                         bool run_js = true, const std::string& locals_json = "") {
  PugResult r{Source(path, text), Diagnostics(), dom::Document(), "",
              SourceSet(static_cast<uint32_t>(text.size()))};
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(r.source, r.diags, body);
  pug::ParseOptions options;
  options.js.front_locals_json = fm.locals_json;
  options.run_js = run_js;
  options.js.locals_json = locals_json;
  r.doc = pug::parse(r.source, body, r.diags, options, &r.files);
  r.html = dom::to_html(r.doc);
  return r;
}

}  // namespace deckpdf::test
