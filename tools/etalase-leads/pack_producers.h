// export --pack: the producers of a content pack's products, for the JSON Lines header (so the
// organiser's merge can send each buyer to the right producers).
#pragma once

#include <filesystem>
#include <optional>

#include "kiosk/export/lead_writer.h"

namespace etalase::leadtool {

// Fills options.producerOfProduct and options.producerNames (the English name, else the pack's
// default language's) from PACK/pack.json; an Error naming the file when it cannot be loaded.
[[nodiscard]] std::optional<Error> fillProducersFromPack(const std::filesystem::path& pack,
                                                         exporting::WriterOptions& options);

}  // namespace etalase::leadtool
