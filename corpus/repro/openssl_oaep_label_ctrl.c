/* SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026, the ffican authors.
 *
 * What openssl-sys 0.9.80 does for EVP_PKEY_CTX_set0_rsa_oaep_label on
 * OpenSSL 3: the 1.1 macro, EVP_PKEY_CTX_ctrl(..., EVP_PKEY_CTRL_RSA_OAEP_LABEL,
 * len, label), with a label from OPENSSL_malloc that the caller hands over
 * ("set0": the library owns it). Argument "ctrl" takes that route,
 * "func" calls OpenSSL 3's own function. Under Memcheck (or ffican with
 * --leak-check=full) the "ctrl" run loses the label, the "func" run does not.
 * Build: cc -g openssl_oaep_label_ctrl.c -lcrypto */
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    int use_ctrl = argc > 1 && strcmp(argv[1], "ctrl") == 0;
    EVP_PKEY_CTX *kctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, NULL);
    EVP_PKEY *pkey = NULL;
    if (!kctx || EVP_PKEY_keygen_init(kctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(kctx, 1024) <= 0 ||
        EVP_PKEY_keygen(kctx, &pkey) <= 0)
        return 2;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
    if (!ctx || EVP_PKEY_encrypt_init(ctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) <= 0)
        return 3;
    const char text[] = "test_oaep_label";
    void *label = OPENSSL_malloc(strlen(text));
    memcpy(label, text, strlen(text));
    int rc = use_ctrl
        ? EVP_PKEY_CTX_ctrl(ctx, EVP_PKEY_RSA, EVP_PKEY_OP_TYPE_CRYPT,
                            EVP_PKEY_CTRL_RSA_OAEP_LABEL, (int)strlen(text), label)
        : EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, label, (int)strlen(text));
    printf("%s: %d\n", use_ctrl ? "EVP_PKEY_CTX_ctrl" : "EVP_PKEY_CTX_set0_rsa_oaep_label", rc);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_CTX_free(kctx);
    EVP_PKEY_free(pkey);
    return 0;
}
