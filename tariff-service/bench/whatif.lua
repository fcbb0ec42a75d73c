-- wrk: the bench quote re-quoted on 2025-10-06 (what-if: computed twice, nothing stored)
wrk.method = "POST"
wrk.body = '{"quote":{"entryDate":"2025-09-15","exportDate":"2025-08-01","transportMode":"OCEAN","lines":[{"htsCode":"8543.70.9860","originCountry":"ID","customsValue":154321.09,"quantity":30}]},"entryDate":"2025-10-06"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
