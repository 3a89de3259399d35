// Ordinary C++: containers, strings, shared pointers, exceptions. Every
// allocation goes through new/delete (sized), or libstdc++'s own malloc use
// for exceptions. Nothing is to be reported.
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
};

struct Square : Shape {
    double side;
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
};

static int parse(const std::string &s)
{
    if (s.empty() || s[0] < '0' || s[0] > '9')
        throw std::invalid_argument("not a number: " + s);
    return std::stoi(s);
}

int main()
{
    std::vector<std::unique_ptr<Shape>> shapes;
    for (int i = 1; i <= 20; i++)
        shapes.push_back(std::make_unique<Square>(i));
    double total = 0;
    for (const auto &s : shapes)
        total += s->area();

    std::map<std::string, std::shared_ptr<std::vector<int>>> table;
    for (int i = 0; i < 10; i++) {
        auto v = std::make_shared<std::vector<int>>(i, i);
        table["key-" + std::to_string(i) + "-with-a-long-enough-name"] = v;
    }

    int parsed = 0, errors = 0;
    for (const char *s : {"12", "x", "7", "", "40"}) {
        try {
            parsed += parse(s);
        } catch (const std::exception &e) {
            errors++;
        }
    }
    std::printf("total %.0f entries %zu parsed %d errors %d\n", total,
                table.size(), parsed, errors);
    return 0;
}
