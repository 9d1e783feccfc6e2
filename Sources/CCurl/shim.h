#ifndef TM_CCURL_SHIM_H
#define TM_CCURL_SHIM_H

/*
 * CCurl: libcurl for Swift.
 *
 * curl_easy_setopt() and curl_easy_getinfo() are C variadic functions, which
 * Swift cannot call. Each wrapper below fixes the type of the third argument,
 * so Swift sees an ordinary typed function. The wrappers add no behaviour:
 * they return libcurl's own CURLcode unchanged.
 *
 * In Swift a `CURL *` handle arrives as `UnsafeMutableRawPointer`.
 */

#include <curl/curl.h>

/// Signature of CURLOPT_READFUNCTION: fill `buffer` with at most
/// `size * nitems` bytes from `userdata`; return the count, 0 at the end,
/// or CURL_READFUNC_ABORT to stop the transfer.
typedef size_t (*tm_curl_read_callback)(char *buffer, size_t size, size_t nitems, void *userdata);

/// curl_easy_setopt for options that take a `long`
/// (CURLOPT_UPLOAD, CURLOPT_TIMEOUT, CURLOPT_USE_SSL, CURLOPT_NOSIGNAL, ...).
static inline CURLcode tm_curl_easy_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

/// curl_easy_setopt for options that take a C string
/// (CURLOPT_URL, CURLOPT_MAIL_FROM, CURLOPT_USERNAME, ...).
/// libcurl copies strings passed this way (except CURLOPT_POSTFIELDS).
static inline CURLcode tm_curl_easy_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

/// curl_easy_setopt for options that take an untyped pointer that libcurl
/// keeps but does not copy (CURLOPT_READDATA, CURLOPT_ERRORBUFFER, ...).
/// The caller keeps the memory alive for as long as libcurl may use it.
static inline CURLcode tm_curl_easy_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

/// curl_easy_setopt for options that take a `curl_off_t`
/// (CURLOPT_INFILESIZE_LARGE, ...).
static inline CURLcode tm_curl_easy_setopt_off_t(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}

/// curl_easy_setopt for CURLOPT_READFUNCTION (or any option with the same
/// callback signature). Pass NULL to restore libcurl's default (fread).
static inline CURLcode tm_curl_easy_setopt_read_function(CURL *curl, CURLoption option, tm_curl_read_callback callback) {
    return curl_easy_setopt(curl, option, callback);
}

/// curl_easy_setopt for options that take a `struct curl_slist *`
/// (CURLOPT_MAIL_RCPT, CURLOPT_HTTPHEADER, ...). libcurl does not copy the
/// list: keep it alive until the transfer is done or the option is reset,
/// then free it with curl_slist_free_all.
static inline CURLcode tm_curl_easy_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(curl, option, list);
}

/// curl_easy_getinfo for infos that return a `long`
/// (CURLINFO_RESPONSE_CODE, CURLINFO_OS_ERRNO, ...).
static inline CURLcode tm_curl_easy_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}

#endif /* TM_CCURL_SHIM_H */
