// The --since of an export, as typed by an organiser, made into the text a lead's createdUtc is
// compared with (LeadFilter::sinceUtc): "2026-12-02" is that day from 00:00 UTC; a full ISO 8601
// time must say its zone ("2026-12-02T09:00+07:00", "...Z"), since a stand in Jakarta and an
// office in Dubai read "09:00" differently.
#pragma once

#include <string>
#include <string_view>

#include "media/error.h"

namespace etalase::exporting {

// E.g. "2026-12-02T02:00:00.000Z"; an Error saying which forms are taken.
Result<std::string> sinceUtcFromText(std::string_view text);

}  // namespace etalase::exporting
