using System.Collections.Concurrent;
using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class LabelMemoTests
{
    [Test]
    public void ComputesARememberedLabelOnce()
    {
        var calls = new Dictionary<string, int>();
        var memo = new LabelMemo<int>(label => { calls[label] = calls.GetValueOrDefault(label) + 1; return label.Length; }, capacity: 4);

        memo["总计"].Should().Be(2);
        memo["总计"].Should().Be(2);
        memo["行政复议"].Should().Be(4);
        memo["行政复议"].Should().Be(4);

        calls["总计"].Should().Be(1, "a remembered label is looked up, not recomputed");
        calls["行政复议"].Should().Be(1);
    }

    [Test]
    public void StaysBoundedWhileNewLabelsKeepComingAndKeepsTheLabelsInUse()
    {
        const int capacity = 8;
        var calls = new Dictionary<string, int>();
        var memo = new LabelMemo<int>(label => { calls[label] = calls.GetValueOrDefault(label) + 1; return label.Length; }, capacity);

        // A long batch: odd text never seen again, and a label first printed after the memo filled, printed throughout.
        for (var i = 0; i < 10_000; i++)
        {
            memo["odd text " + i].Should().Be(("odd text " + i).Length);
            if (i >= 3 * capacity)
            {
                memo["本年新收政府信息公开申请数量"].Should().Be(14);
            }

            memo.Count.Should().BeLessThanOrEqualTo(2 * capacity, "the memo holds two generations of at most its capacity");
        }

        memo.Holds("odd text 0").Should().BeFalse("a label not used since is dropped");
        memo.Holds("odd text 9999").Should().BeTrue("the newest labels are kept");
        memo.Holds("本年新收政府信息公开申请数量").Should().BeTrue("a label in use stays, however late it came");
        calls["本年新收政府信息公开申请数量"].Should().Be(1, "a label in use is brought forward, not recomputed");
    }

    [Test]
    public void DoesNotKeepLongLabels()
    {
        var calls = 0;
        var memo = new LabelMemo<int>(label => { calls++; return label.Length; }, capacity: 100, maxKeyLength: 64);
        var paragraph = new string('报', 65);

        memo[paragraph].Should().Be(65);
        memo[paragraph].Should().Be(65);

        calls.Should().Be(2, "text longer than a label is computed each time");
        memo.Holds(paragraph).Should().BeFalse();
        memo.Count.Should().Be(0);
        memo[new string('报', 64)].Should().Be(64);
        memo.Count.Should().Be(1, "a label of the longest length kept is kept");
    }

    [Test]
    public void GivesEveryThreadTheFunctionsAnswerWhileItEvicts()
    {
        // A small capacity, so that generations turn over many times while the threads look up and add.
        var memo = new LabelMemo<string>(static label => "v:" + label, capacity: 16);
        var wrong = new ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                var label = "label " + ((i * (t + 1)) % 97);
                if (memo[label] != "v:" + label)
                {
                    wrong.Add(label);
                }
            }
        });

        wrong.Should().BeEmpty();
        memo.Count.Should().BeLessThanOrEqualTo(2 * (16 + 8), "a rotation lost to a race may let a generation pass its capacity by a label a thread");
    }
}
