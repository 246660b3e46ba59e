// fuzz_style — the CSS subset: inline `style="..."` declarations, colours,
// the cascade (Resolver::compute on a small tree whose elements carry the
// input as their style), and, when the first byte is odd, the input parsed
// as a whole theme.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "style/style.h"

namespace {

const deckpdf::style::Theme& white_theme() {
  static const deckpdf::style::Theme theme = [] {
    std::string error;
    deckpdf::Diagnostics warnings;
    auto t =
        deckpdf::style::theme_load(DECKPDF_FUZZ_SOURCE_DIR "/layouts", "white", error, warnings);
    if (!t) __builtin_trap();
    return *t;
  }();
  return theme;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf;
  if (size < 1) return 0;
  uint8_t flags = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::vector<style::Declaration> decls = style::parse_declarations(text);
  for (const auto& d : decls) (void)style::parse_color(d.value);
  (void)style::parse_color(text);

  std::vector<style::CssProblem> problems;
  style::Theme parsed;
  if (flags & 1) parsed = style::Theme::parse(text, "fuzz", problems);
  for (const style::CssProblem& p : problems) {
    if (p.span.begin > p.span.end || p.span.end > text.size()) __builtin_trap();
  }
  const style::Theme& theme = (flags & 1) ? parsed : white_theme();

  // section(style=input) > h2.fragment(style=input) > "text", and a ul > li.
  dom::Document doc;
  auto element = [&](const char* tag, dom::NodeId parent, bool styled) {
    dom::Node n;
    n.tag = tag;
    if (styled) n.attrs.push_back({"style", text, false, Span{0, 0}});
    return doc.add(std::move(n), parent);
  };
  dom::NodeId section = element("section", doc.root, true);
  dom::NodeId h2 = element("h2", section, flags & 2);
  doc[h2].classes = {"fragment", "title"};
  dom::Node t;
  t.kind = dom::NodeKind::Text;
  t.text = "Hello";
  doc.add(t, h2);
  dom::NodeId ul = element("ul", section, false);
  dom::NodeId li = element("li", ul, flags & 4);
  dom::NodeId code = element("code", li, true);

  Diagnostics diags;
  style::Resolver resolver(theme, doc, diags);
  style::ComputedStyle root = resolver.root_style();
  style::ComputedStyle s = resolver.compute(section, root);
  style::ComputedStyle sh = resolver.compute(h2, s);
  style::ComputedStyle su = resolver.compute(ul, s);
  style::ComputedStyle sl = resolver.compute(li, su);
  style::ComputedStyle sc = resolver.compute(code, sl);
  (void)sh;
  (void)sc;
  return 0;
}
