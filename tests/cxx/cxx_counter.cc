// C++ library used from C (new_free.c): counters made with new.
struct Counter {
    long value;
    long step;
};

extern "C" Counter *cxx_make_counter(long step)
{
    return new Counter{0, step};
}

extern "C" long cxx_bump(Counter *c)
{
    c->value += c->step;
    return c->value;
}

extern "C" void cxx_destroy_counter(Counter *c)
{
    delete c;
}
