// merge: many kiosks' JSON Lines exports into one clean file (kiosk/export/lead_merge.h).
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "kiosk/export/lead_merge.h"

namespace etalase::leadtool {

namespace {

using namespace etalase::exporting;

}  // namespace

int runMerge(const MergeCommand& command) {
  const std::string extension = command.output.extension().string();
  const auto format = extension.empty() ? std::nullopt
                                        : parseExportFormat(std::string_view(extension).substr(1));
  if (!format || *format == ExportFormat::VCard) {
    return fail(Error{command.output.string(),
                      "the merged file's name must end in .xlsx, .csv or .jsonl"});
  }
  MergeOptions options;
  options.inputs = command.inputs;
  options.output = command.output;
  options.format = *format;
  options.csvByteOrderMark = command.byteOrderMark;
  options.byProducerFolder = command.byProducer;
  // Each problem as it is found: names a file and line, never what the line holds.
  auto report = mergeLeadFiles(options, [](const std::string& message) {
    fmt::print(stderr, "{}\n", message);
  });
  if (!report) return fail(report.error());
  const MergeReport& r = report.value();
  fmt::print(stderr, "files read: {}{}\n", r.filesRead,
             r.filesRefused ? fmt::format(" ({} refused)", r.filesRefused) : std::string());
  fmt::print(stderr, "leads read: {}\n", r.leadsRead);
  fmt::print(stderr, "duplicates removed: {}\n", r.duplicatesRemoved);
  fmt::print(stderr, "people seen at several stands: {}\n", r.seenAtSeveralStands);
  fmt::print(stderr, "people who left their contact more than once: {}\n", r.samePersonGroups);
  fmt::print(stderr, "{} problem{}{}\n", r.problems, r.problems == 1 ? "" : "s",
             r.problems ? " (listed above)" : "");
  fmt::print("wrote {} leads to {} ({} bytes)\n", r.leadsWritten, command.output.string(),
             r.bytes);
  for (const ProducerFile& file : r.producerFiles) {
    fmt::print("wrote {} leads for {} to {}\n", file.leads, file.producerId, file.file.string());
  }
  if (!command.byProducer.empty() && r.withoutProducer > 0) {
    fmt::print("{} leads name no producer: they are only in {}\n", r.withoutProducer,
               command.output.string());
  }
  return 0;
}

}  // namespace etalase::leadtool
