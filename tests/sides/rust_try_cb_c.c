/* C side of rust_try_cb.rs: calls a Rust callback and uses its result,
   or ignores it. */
int c_call_back(int (*cb)(int), int arg)
{
    int r = cb(arg);
    return r < 0 ? -1 : r;
}

int c_call_back_ignore(int (*cb)(int), int arg)
{
    (void)cb(arg);
    return 0;
}
