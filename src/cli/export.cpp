// cli/export — the pipeline, in memory (export_to_memory): read and check
// the deck, parse it, build the deck (within limits), load the theme and
// the fonts, lay the slides out; then, for each product the job asks for
// (slides or builds, a handout, the notes), compose pages and render them.
// Every product is made from the one parse and the one layout.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "cli/job.h"
#include "cli/pipeline.h"

namespace deckpdf::cli {

namespace {

// With DECKPDF_TIMINGS set, each stage's wall time in ms on stderr, for the
// benchmark's "where the time goes".
class StageClock {
 public:
  StageClock() : on_(std::getenv("DECKPDF_TIMINGS") != nullptr), last_(now()) {}
  void lap(const char* stage) {
    if (!on_) return;
    auto t = now();
    std::fprintf(stderr, "deckpdf: %-8s %8.2f ms\n", stage,
                 std::chrono::duration<double, std::milli>(t - last_).count());
    last_ = t;
  }

 private:
  static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

std::vector<Product> products_of(const Job& job) {
  std::vector<Product> out;
  bool handout = !job.handout.empty(), notes = job.notes_only;
  if ((!handout && !notes) || job.mode == Mode::Builds || job.dump != Dump::None) {
    out.push_back(Product::Deck);
  }
  if (job.dump == Dump::None && handout) out.push_back(Product::Handout);
  if (job.dump == Dump::None && notes) out.push_back(Product::Notes);
  return out;
}

Export export_to_memory(const Source& source, const Job& job) {
  Export r;
  Pipeline p(source, job, r);
  StageClock clock;
  if (!p.read_check()) return r;
  if (!p.parse()) return r;
  clock.lap("parse");
  if (job.dump == Dump::Html) {
    p.dump_html();
    return r;
  }
  p.deck_build();
  if (job.dump == Dump::Json) {
    p.dump_json();
    return r;
  }
  if (!p.deck_limits()) return r;
  clock.lap("deck");
  if (!p.theme_load()) return r;
  if (!p.fonts_load()) return r;
  clock.lap("fonts");
  if (!p.lay_out()) return r;
  clock.lap("layout");
  if (job.dump == Dump::Layout) {
    p.dump_layout();
    return r;
  }
  if (job.check) return r;
  for (Product product : products_of(job)) {
    Output& out = r.outputs.emplace_back();
    out.product = product;
    compose::Handout made;  // the pages, and the lists they show besides the slides
    if (!p.compose(product, made)) return r;
    if (job.pdfpc && r.outputs.size() == 1) out.pdfpc = p.pdfpc(made.pages);
    clock.lap("compose");
    if (!p.render(made.pages, out)) return r;
    clock.lap("pdf");
  }
  return r;
}

}  // namespace deckpdf::cli
