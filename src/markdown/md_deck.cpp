// markdown/md_deck — a Markdown deck into the tree (see md_deck.h).
#include "markdown/md_deck.h"

#include "markdown/reveal_plugin.h"

namespace deckpdf::markdown {

dom::Document markdown_deck(const Source& source, uint32_t body, const FrontMatter& front,
                            SourceSet& sources, Diagnostics& diags) {
  dom::Document doc;
  uint32_t end = static_cast<uint32_t>(source.text().size());
  body = std::min(body, end);
  doc[doc.root].span = {body, end};
  MappedText text;
  text.append(source.text().substr(body), body);
  utf8_sanitize(text.text);
  Separators seps;
  auto value = [&](const char* key, const char* fallback) {
    std::optional<std::string> v = front.get(key);
    return v && !v->empty() ? *v : std::string(fallback);
  };
  seps.separator = value("separator", reveal_md_separator);
  seps.vertical = value("verticalSeparator", reveal_md_vertical);
  seps.notes = value("notesSeparator", std::string(default_notes_separator).c_str());
  reveal_markdown_slides(doc, doc.root, text, seps, source, sources, diags);
  return doc;
}

}  // namespace deckpdf::markdown
