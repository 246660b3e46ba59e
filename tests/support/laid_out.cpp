// The layout tests' deck laid out (see laid_out.h).
#include "support/laid_out.h"

#include "pug/parse.h"
#include "support/fonts.h"
#include "support/paths.h"

namespace deckpdf::test {

text::Shaper& test_shaper() {
  static text::Shaper shaper(bundled_fonts());
  return shaper;
}

std::unique_ptr<LaidOut> lay_out(const std::string& text, const std::string& deck_dir,
                                 const style::Theme* theme) {
  auto l = std::unique_ptr<LaidOut>(new LaidOut{Source("t.pug", text), {}, {}, {}, {}, {}, {}});
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(l->source, l->diags, body);
  l->doc = pug::parse(l->source, body, l->diags);
  l->deck = deck::deck_build(l->doc, fm, l->diags);
  if (theme) {
    l->theme = *theme;
  } else {
    std::string error;
    Diagnostics warnings;
    l->theme = *style::theme_load(source_dir() + "/layouts", "white", error, warnings);
  }
  style::Resolver resolver(l->theme, l->doc, l->diags);
  layout::Context ctx{l->doc, resolver, test_shaper(), l->diags};
  ctx.deck_dir = deck_dir;
  ctx.page_aspect = 16.0f / 9;
  ctx.center = l->deck.meta.center;
  for (size_t i = 0; i < l->deck.slides.size(); ++i) {
    const deck::Slide& slide = l->deck.slides[i];
    l->lists.push_back(layout::layout_slide(ctx, slide, static_cast<int>(i + 1)));
    l->numbers.push_back(layout::layout_slide_number(ctx, slide.label(), l->lists.back().width,
                                                     l->lists.back().height));
  }
  return l;
}

}  // namespace deckpdf::test
