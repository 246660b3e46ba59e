// layout/parallel — laying out many slides (or notes) on several threads,
// with the result of laying them out one after the other.
//
// Each helper thread has its own Shaper (caches included) and its own copy
// of the style Resolver; each item reports to a Diagnostics of its own. The
// caller then takes the items in order (take(0), take(1), ...), and taking
// one either accepts it, adding its diagnostics to the context's in order
// (Diagnostics drops repeats and counts what is over its limit, so adding
// them item by item gives what one sink would have), or lays it out again
// on the caller's thread with the context itself, where a sequential run
// would have done something that depends on the order of the work:
//   - its text needed a face other than the one asked for: FontSet loads
//     system fallback faces on demand and numbers them in the order asked
//     for (Shaper::defer_fallback);
//   - a font match that FontSet now answers differently (a face loaded by
//     an earlier item's fallback joins the families it matches);
//   - more diagnostics than a Diagnostics keeps, or an exception.
// Anything else the layout of one item reads is shared and read-only (the
// document, the theme, the fonts' tables), or the thread's own.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "layout/layout.h"

namespace deckpdf::layout {

class ParallelLayout {
 public:
  // `work(c, k)` lays out item k with context c (whose shaper, styles and
  // diagnostics are the thread's and the item's, the rest as in `ctx`) and
  // stores the result where the caller wants it; it may run twice for the
  // same k (the second time on the caller's thread, with `ctx`), and
  // several items run at once, so items must not share what they write.
  // With `threads` <= 1 (or too few items to be worth it) nothing runs
  // here, and take(k) runs work(ctx, k). `progress(done)` is called on the
  // caller's thread while the helpers work.
  using Work = std::function<void(Context& c, size_t k)>;
  ParallelLayout(Context& ctx, size_t count, unsigned threads, Work work,
                 std::function<void(size_t done)> progress = {});
  ~ParallelLayout();
  ParallelLayout(const ParallelLayout&) = delete;
  ParallelLayout& operator=(const ParallelLayout&) = delete;

  // Makes item k final; call in order, k = 0, 1, ..., count - 1.
  void take(size_t k);

  // The number of threads that worked, the caller's included (1: none ran).
  unsigned threads() const { return threads_; }
  // How many items take() laid out again on the caller's thread.
  size_t redone() const { return redone_; }

  // The threads to use for `count` items on this machine:
  // DECKPDF_LAYOUT_THREADS when set (1 turns threads off), else one per
  // core (shared between the jobs that run at once), at most 8, and none
  // for fewer than 8 items.
  static unsigned threads_for(size_t count);
  // How many exports run at once in this process (deckpdf -j N).
  static void set_jobs_at_once(unsigned jobs);

 private:
  struct Item;
  struct Worker;

  Context& ctx_;
  size_t count_;
  Work work_;
  unsigned threads_ = 1;
  size_t redone_ = 0;
  std::vector<Item> items_;
  Diagnostics scratch_;  // what the helpers' resolvers report to between items: nothing
};

}  // namespace deckpdf::layout
